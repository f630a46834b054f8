package io.icrl.eval.task;

import io.icrl.core.Seeds;
import io.icrl.eval.context.EpisodePolicy;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizon;
import io.icrl.tasks.solve.FiniteHorizonPolicy;

/**
 * Where the reference returns R_opt and R_random of each task come from.
 *
 * <table>
 *   <caption>Reference returns by task</caption>
 *   <tr><th>Task</th><th>R_opt</th><th>R_random</th><th>Source</th></tr>
 *   <tr><td>AnyMDP ({@code anymdp:...}), FrozenLake-v1, FrozenLake8x8-v1, CliffWalking-v1,
 *       Taxi-v4, darkroom, any task with an exact {@link TabularMdp}</td>
 *       <td>{@link FiniteHorizon#optimalReturn}: the time-dependent optimum's expected return
 *       within the step limit</td>
 *       <td>{@link FiniteHorizon#randomReturn}: the uniform random policy's expected return within
 *       the step limit</td><td>{@code exact}</td></tr>
 *   <tr><td>Pendulum-v1:bins=12x5, MountainCar-v0:bins=12x5 (discrete tasks without an exact
 *       model)</td>
 *       <td>A model estimated by sampling ({@link SampledModel}, {@code
 *       icrl.eval.references.model-episodes} episodes), solved for its finite-horizon optimum; that
 *       policy's mean return on the real environment over {@code evaluation-episodes} Monte Carlo
 *       episodes. This is an achievable return of the discretized task, a lower bound of its true
 *       optimum; for scale, the continuous tasks' published marks are about -150 (Pendulum-v1,
 *       well-trained continuous controllers) and -110 (MountainCar-v0, Gymnasium's reward
 *       threshold).</td>
 *       <td>Mean return of the uniform random policy over {@code evaluation-episodes} Monte Carlo
 *       episodes (MountainCar-v0: -200, the step limit, as random play practically never reaches
 *       the flag).</td><td>{@code estimated}</td></tr>
 *   <tr><td>any task id listed in {@code icrl.eval.references.overrides}</td>
 *       <td colspan="2">the configured numbers (for documented published references)</td>
 *       <td>{@code configured}</td></tr>
 * </table>
 *
 * <p>Estimates are deterministic: their random streams derive from the sweep's root seed and the
 * task id, so a resumed sweep gets identical references.
 */
public final class ReferenceReturns {
  private ReferenceReturns() {}

  /** Exact references of a tabular MDP from the finite-horizon solvers. */
  public static References exact(TabularMdp mdp) {
    return new References(FiniteHorizon.optimalReturn(mdp), FiniteHorizon.randomReturn(mdp),
        "exact");
  }

  /**
   * Monte Carlo references on the real environment: the mean return of {@code optimum} (solved on
   * an estimated model) and of the random policy.
   */
  public static References estimated(DiscreteEnv env, String taskId, FiniteHorizonPolicy optimum,
      ReferenceSettings settings, long rootSeed) {
    int n = settings.evaluationEpisodes();
    double opt = MonteCarlo.meanReturn(env, Seeds.derive(rootSeed, "reference-env|" + taskId, 0),
        EpisodePolicy.optimal(optimum), n, Seeds.rng(rootSeed, "reference-policy|" + taskId, 0));
    double rnd = MonteCarlo.meanReturn(env, Seeds.derive(rootSeed, "reference-env|" + taskId, 1),
        EpisodePolicy.random(env.actionCount()), n,
        Seeds.rng(rootSeed, "reference-policy|" + taskId, 1));
    return new References(opt, rnd, "estimated");
  }
}
