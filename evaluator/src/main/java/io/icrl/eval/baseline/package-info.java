/**
 * Baseline agents evaluated beside the in-context model: random, tabular Q-learning, UCB
 * Q-learning, the oracle (the finite-horizon optimum), a REGENT-style 1-nearest-neighbour
 * retrieval agent and the behavior data itself; {@link io.icrl.eval.baseline.Baselines} makes
 * their factories by name.
 */
package io.icrl.eval.baseline;
