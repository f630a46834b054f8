/**
 * The learner: a decoder-only causal transformer over RL steps (one token per step), trained with
 * DJL on windows of icrl trajectories, checkpointed for exact resume, and served step by step to
 * the evaluator through a key/value cache.
 */
package io.icrl.learner;
