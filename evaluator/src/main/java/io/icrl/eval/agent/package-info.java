/**
 * The agent abstraction every evaluated policy implements ({@link io.icrl.eval.agent.EvalAgent}):
 * baselines and the in-context model ({@link io.icrl.eval.agent.InContextAgent} over a {@link
 * io.icrl.eval.agent.RowModel}), plus what the in-context agent needs per run: ID permutations,
 * temperature schedules and reward shaping. A trained checkpoint becomes a row model through
 * {@link io.icrl.eval.agent.CheckpointModels} (load once, frozen), {@link
 * io.icrl.eval.agent.LearnerModelSource} (weights shared by every cell) and {@link
 * io.icrl.eval.agent.CheckpointRowModel} (one KV cache per cell, rows encoded as training encodes
 * data rows).
 */
package io.icrl.eval.agent;
