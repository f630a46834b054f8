/**
 * Self-play data: the in-context model plays its own training tasks online and its play is
 * written as an icrl trajectory dataset, labelled with the optimal actions, so that a next model
 * can be trained on contexts like the ones it meets online (DAgger-style), beside synthesized
 * data.
 */
package io.icrl.eval.selfplay;
