package io.icrl.tasks.solve;

import io.icrl.tasks.mdp.TabularMdp;

/**
 * OmniRL's reference policies opt0..opt3: the greedy policies of the discounted optimal action
 * values at {@code gamma} = 0, 0.5, 0.93 and 0.994 ({@link #gammas()}), infinite horizon, terminating
 * transitions without continuation value (the {@link ValueIteration} semantics).
 *
 * <p>Solved exactly with {@link PolicyIteration}, each discount warm-started from the previous
 * one's policy, so all four cost a few linear solves. Greedy ties (actions within {@link
 * #TIE_TOLERANCE}, relative, of the best) break towards the lowest action index.
 */
public final class ReferencePolicies {
  /** The discounts of opt0, opt1, opt2 and opt3. */
  private static final double[] GAMMAS = {0.0, 0.5, 0.93, 0.994};

  /** Relative gap within which two action values count as tied. */
  public static final double TIE_TOLERANCE = 1e-9;

  private ReferencePolicies() {}

  /** The discounts of opt0..opt3, in order. */
  public static double[] gammas() {
    return GAMMAS.clone();
  }

  /** {@code [4][states]}: the actions of opt0..opt3 in every state. */
  public static int[][] compute(TabularMdp mdp) {
    return compute(SparseModel.of(mdp));
  }

  /** {@code [4][states]}: the actions of opt0..opt3 in every state. */
  public static int[][] compute(SparseModel m) {
    int[][] out = new int[GAMMAS.length][];
    int[] warm = null;
    for (int i = 0; i < GAMMAS.length; i++) {
      QTable q = PolicyIteration.solve(m, GAMMAS[i], warm);
      out[i] = greedy(q);
      warm = out[i];
    }
    return out;
  }

  /** The greedy policy of {@code q}, ties within {@link #TIE_TOLERANCE} to the lowest action. */
  public static int[] greedy(QTable q) {
    int nS = q.states();
    int nA = q.actions();
    double[] x = q.q();
    int[] pi = new int[nS];
    for (int s = 0; s < nS; s++) {
      int base = s * nA;
      double max = x[base];
      for (int a = 1; a < nA; a++) {
        max = Math.max(max, x[base + a]);
      }
      double floor = max - TIE_TOLERANCE * (1 + Math.abs(max));
      int a = 0;
      while (x[base + a] < floor) {
        a++;
      }
      pi[s] = a;
    }
    return pi;
  }
}
