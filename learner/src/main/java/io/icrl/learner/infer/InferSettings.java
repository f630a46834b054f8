package io.icrl.learner.infer;

/**
 * Step-by-step inference settings ({@code icrl.learner.infer}).
 *
 * @param context steps one context holds
 * @param keepFraction after dropping old episodes, at most this fraction of the context stays
 */
public record InferSettings(int context, double keepFraction) {}
