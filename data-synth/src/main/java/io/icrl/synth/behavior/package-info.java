/**
 * Behavior policies that generate the data the model learns to learn from: random, learning
 * (Q-learning, model-based), noisy and guided oracles, the reference policies opt0..opt3, and
 * {@link io.icrl.synth.behavior.SequenceBehaviors}, the per-sequence mixture that switches between
 * them at episode ends. Every policy is seeded and sees every transition of its sequence.
 */
package io.icrl.synth.behavior;
