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
          + " need one (give the task id one, e.g. " + mdp.name() + ":max_episode_steps=200)");
    }
    int nS = mdp.states();
    int nA = mdp.actions();
    // Flat copies for the inner loop; a terminating outcome reads the extra value slot nS, which
    // stays 0, so the loop has no branch and the arithmetic is exactly r + [not terminates] v.
    int n = mdp.outcomeCount();
    int[] rowStart = new int[nS * nA + 1];
    int[] cont = new int[n];
    double[] prob = new double[n];
    double[] mean = new double[n];
    for (int s = 0; s < nS; s++) {
      for (int a = 0; a < nA; a++) {
        rowStart[s * nA + a] = mdp.outcomeStart(s, a);
      }
    }
    rowStart[nS * nA] = n;
    for (int k = 0; k < n; k++) {
      cont[k] = mdp.terminates(k) ? nS : mdp.next(k);
      prob[k] = mdp.prob(k);
      mean[k] = mdp.rewardMean(k);
    }
    double[] v = new double[nS + 1];
    double[] w = new double[nS + 1];
    for (int h = 1; h <= horizon; h++) {
      for (int s = 0; s < nS; s++) {
        double acc = optimal ? Double.NEGATIVE_INFINITY : 0;
        for (int a = 0; a < nA; a++) {
          int row = s * nA + a;
          double p = optimal ? 1 : pi[row];
          if (p == 0) {
            continue;
          }
          double qa = 0;
          for (int k = rowStart[row], hi = rowStart[row + 1]; k < hi; k++) {
            qa += prob[k] * (mean[k] + v[cont[k]]);
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
