/**
 * Tasks as the evaluator sees them: prepared tasks with their optimal policy and reference returns
 * ({@link io.icrl.eval.task.PreparedTask}, {@link io.icrl.eval.task.ReferenceReturns}), models
 * estimated by sampling for discretized tasks ({@link io.icrl.eval.task.SampledModel}), the
 * normalized score, task suites and the held-out seed guard ({@link
 * io.icrl.eval.task.TrainingTaskRange}).
 */
package io.icrl.eval.task;
