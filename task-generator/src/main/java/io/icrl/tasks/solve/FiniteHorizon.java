package io.icrl.tasks.solve;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;

/**
 * Exact expected undiscounted episode returns within the MDP's step limit, from its start
 * distribution: the numbers normalized scores are built from. Backward induction over the
 * remaining steps {@code h = 1..H}: {@code V_h(s) = sum_a pi(a|s) sum_k p_k (r_k + [not
 * terminates_k] V_{h-1}(s'_k))}, with {@code V_0 = 0}.
 */
public final class FiniteHorizon {
  private FiniteHorizon() {}

  /** The best achievable expected return within the step limit (a time-dependent optimal policy). */
  public static double optimalReturn(TabularMdp mdp) {
    return run(mdp, null, true);
  }

  /** The expected return of the uniformly random policy within the step limit. */
  public static double randomReturn(TabularMdp mdp) {
    int nA = mdp.actions();
    double[] pi = new double[mdp.states() * nA];
    java.util.Arrays.fill(pi, 1.0 / nA);
    return run(mdp, pi, false);
  }

  /** The expected return of a deterministic stationary policy within the step limit. */
  public static double evaluate(TabularMdp mdp, int[] policy) {
    if (policy.length != mdp.states()) {
      throw new InvalidInputException("policy has " + policy.length + " entries for "
          + mdp.states() + " states");
    }
    double[] pi = new double[mdp.states() * mdp.actions()];
    for (int s = 0; s < policy.length; s++) {
      pi[s * mdp.actions() + policy[s]] = 1.0;
    }
    return run(mdp, pi, false);
  }

  /**
   * The expected return of a stochastic stationary policy within the step limit; {@code pi[s *
   * actions + a]} is the probability of {@code a} in {@code s}.
   */
  public static double evaluate(TabularMdp mdp, double[] pi) {
    if (pi.length != mdp.states() * mdp.actions()) {
      throw new InvalidInputException("policy has " + pi.length + " entries, expected "
          + mdp.states() * mdp.actions());
    }
    return run(mdp, pi, false);
  }

  private static double run(TabularMdp mdp, double[] pi, boolean optimal) {
    int horizon = mdp.maxEpisodeSteps();
    if (horizon == Integer.MAX_VALUE) {
      throw new InvalidInputException(mdp.name() + " has no step limit; finite-horizon returns"
          + " need one");
    }
    int nS = mdp.states();
    int nA = mdp.actions();
    double[] v = new double[nS];
    double[] w = new double[nS];
    for (int h = 1; h <= horizon; h++) {
      for (int s = 0; s < nS; s++) {
        double acc = optimal ? Double.NEGATIVE_INFINITY : 0;
        for (int a = 0; a < nA; a++) {
          double p = optimal ? 1 : pi[s * nA + a];
          if (p == 0) {
            continue;
          }
          double qa = 0;
          for (int k = mdp.outcomeStart(s, a), hi = mdp.outcomeEnd(s, a); k < hi; k++) {
            qa += mdp.prob(k) * (mdp.rewardMean(k) + (mdp.terminates(k) ? 0 : v[mdp.next(k)]));
          }
          if (optimal) {
            acc = Math.max(acc, qa);
          } else {
            acc += p * qa;
          }
        }
        w[s] = acc;
      }
      double[] tmp = v;
      v = w;
      w = tmp;
    }
    double ret = 0;
    for (int s = 0; s < nS; s++) {
      ret += mdp.startProbability(s) * v[s];
    }
    return ret;
  }
}
