package io.icrl.tasks.solve;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;

/**
 * The time-dependent optimal policy of a tabular MDP within its step limit: the policy whose
 * expected undiscounted return equals {@link FiniteHorizon#optimalReturn(TabularMdp)}.
 *
 * <p>Backward induction over the remaining steps {@code h = 1..H}, as in {@link FiniteHorizon}; the
 * greedy action at each {@code (h, s)} is kept. With {@code t} steps already taken in an episode,
 * {@code h = H - t} steps remain.
 *
 * <p>Undiscounted returns are often indifferent to delay (on FrozenLake, bumping into a wall for
 * 90 of 100 steps and then walking to the goal is optimal too), which makes poor demonstrations.
 * Actions whose finite-horizon value is within {@code 1e-9} (relative) of the best are therefore
 * ranked by their discounted action value ({@link ValueIteration} at {@link #TIE_BREAK_GAMMA}),
 * which prefers reaching rewards sooner; remaining ties go to the lowest action index.
 */
public final class FiniteHorizonPolicy {
  /** Discount of the value iteration that ranks equally optimal actions. */
  public static final double TIE_BREAK_GAMMA = 0.99;

  private static final double TIE = 1e-9;

  private final int states;
  private final int horizon;
  private final int[] action; // [(h - 1) * states + s]
  private final double[] value; // [h * states + s], h = 0..H
  private final double optimalReturn;

  private FiniteHorizonPolicy(int states, int horizon, int[] action, double[] value,
      double optimalReturn) {
    this.states = states;
    this.horizon = horizon;
    this.action = action;
    this.value = value;
    this.optimalReturn = optimalReturn;
  }

  /** Solves {@code mdp} by backward induction over its step limit. */
  public static FiniteHorizonPolicy solve(TabularMdp mdp) {
    int horizon = mdp.maxEpisodeSteps();
    if (horizon == Integer.MAX_VALUE) {
      throw new InvalidInputException(mdp.name() + " has no step limit; a finite-horizon policy"
          + " needs one (give the task id one, e.g. " + mdp.name() + ":max_episode_steps=200)");
    }
    int nS = mdp.states();
    int nA = mdp.actions();
    if ((long) horizon * nS > 200_000_000L) {
      throw new InvalidInputException(mdp.name() + ": a time-dependent policy over " + horizon
          + " steps x " + nS + " states is too large");
    }
    QTable tieBreak = ValueIteration.solve(mdp, TIE_BREAK_GAMMA, 1e-9, 100_000);
    double[] qa = new double[nA];
    int[] act = new int[horizon * nS];
    double[] val = new double[(horizon + 1) * nS];
    for (int h = 1; h <= horizon; h++) {
      int prev = (h - 1) * nS;
      int cur = h * nS;
      for (int s = 0; s < nS; s++) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < nA; a++) {
          double q = 0;
          for (int k = mdp.outcomeStart(s, a), hi = mdp.outcomeEnd(s, a); k < hi; k++) {
            q += mdp.prob(k) * (mdp.rewardMean(k) + (mdp.terminates(k) ? 0 : val[prev
                + mdp.next(k)]));
          }
          qa[a] = q;
          best = Math.max(best, q);
        }
        double tol = TIE * Math.max(1.0, Math.abs(best));
        int bestA = -1;
        for (int a = 0; a < nA; a++) {
          if (qa[a] >= best - tol && (bestA < 0 || tieBreak.q(s, a) > tieBreak.q(s, bestA))) {
            bestA = a;
          }
        }
        val[cur + s] = qa[bestA];
        act[prev + s] = bestA;
      }
    }
    double ret = 0;
    for (int s = 0; s < nS; s++) {
      ret += mdp.startProbability(s) * val[horizon * nS + s];
    }
    return new FiniteHorizonPolicy(nS, horizon, act, val, ret);
  }

  /** The step limit the policy was solved for. */
  public int horizon() {
    return horizon;
  }

  public int states() {
    return states;
  }

  /**
   * The optimal action in {@code state} after {@code elapsedSteps} steps of the episode; past the
   * horizon (which an episode never reaches) the last step's action is used.
   */
  public int action(int state, int elapsedSteps) {
    int h = horizon - elapsedSteps;
    if (h < 1) {
      h = 1;
    } else if (h > horizon) {
      h = horizon;
    }
    return action[(h - 1) * states + state];
  }

  /** The optimal expected return from {@code state} with {@code remaining} steps left. */
  public double value(int state, int remaining) {
    return value[Math.max(0, Math.min(horizon, remaining)) * states + state];
  }

  /** The optimal expected return from the start distribution over the full step limit. */
  public double optimalReturn() {
    return optimalReturn;
  }
}
