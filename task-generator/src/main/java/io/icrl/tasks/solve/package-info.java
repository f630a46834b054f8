/**
 * Exact solvers for tabular MDPs: discounted value iteration ({@link
 * io.icrl.tasks.solve.ValueIteration}) and finite-horizon optimal, random and policy returns
 * within the step limit ({@link io.icrl.tasks.solve.FiniteHorizon}).
 */
package io.icrl.tasks.solve;
