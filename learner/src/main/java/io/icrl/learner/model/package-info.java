/**
 * The model: the per-step token encoding shared by training and inference ({@link
 * io.icrl.learner.model.StepEncoding}), symbol permutations, and the causal transformer blocks
 * (pre-LayerNorm, ALiBi attention with an optional key/value cache, MLP, policy and world-model
 * heads).
 */
package io.icrl.learner.model;
