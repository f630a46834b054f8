package io.icrl.synth.behavior;

import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.ValueIteration;
import java.util.List;

/**
 * The reference policies opt0..opt3 of one task: greedy policies of discounted value iteration at
 * the configured discounts (OmniRL: 0, 0.5, 0.93, 0.994). {@code action(k, s)} is the label when
 * the prompt is opt_k.
 */
public final class ReferencePolicies {
  /** Number of reference policies. */
  public static final int COUNT = 4;

  private final int[][] actions;
  private final double[] gammas;

  private ReferencePolicies(int[][] actions, double[] gammas) {
    this.actions = actions;
    this.gammas = gammas;
  }

  /** Solves {@code mdp} at each discount. */
  public static ReferencePolicies solve(TabularMdp mdp, List<Double> gammas) {
    if (gammas.size() != COUNT) {
      throw new IllegalArgumentException("expected " + COUNT + " discounts, got " + gammas);
    }
    int[][] actions = new int[COUNT][];
    double[] g = new double[COUNT];
    for (int k = 0; k < COUNT; k++) {
      g[k] = gammas.get(k);
      actions[k] = ValueIteration.solve(mdp, g[k]).greedyPolicy();
    }
    return new ReferencePolicies(actions, g);
  }

  /** The action opt_k takes in state {@code s}. */
  public int action(int k, int s) {
    return actions[k][s];
  }

  /** The greedy policy of opt_k (shared array: do not modify). */
  public int[] policy(int k) {
    return actions[k];
  }

  public double gamma(int k) {
    return gammas[k];
  }
}
