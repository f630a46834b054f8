/**
 * The agent abstraction every evaluated policy implements ({@link io.icrl.eval.agent.EvalAgent}):
 * baselines and the in-context model ({@link io.icrl.eval.agent.InContextAgent} over a {@link
 * io.icrl.eval.agent.RowModel}), plus what the in-context agent needs per run: ID permutations,
 * temperature schedules and reward shaping.
 */
package io.icrl.eval.agent;
