/**
 * Exact solvers for tabular MDPs: discounted value iteration ({@link
 * io.icrl.tasks.solve.ValueIteration}), exact discounted policy iteration ({@link
 * io.icrl.tasks.solve.PolicyIteration}, on the flat {@link io.icrl.tasks.solve.SparseModel}),
 * OmniRL's reference policies opt0..opt3 ({@link io.icrl.tasks.solve.ReferencePolicies}) and
 * finite-horizon optimal, random and policy returns within the step limit ({@link
 * io.icrl.tasks.solve.FiniteHorizon}).
 */
package io.icrl.tasks.solve;
