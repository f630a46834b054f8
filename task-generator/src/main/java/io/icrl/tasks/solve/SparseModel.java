package io.icrl.tasks.solve;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;

/**
 * A tabular model as flat arrays, the form the exact solvers work on: for row {@code r = s * actions
 * + a} the outcomes {@code k} in {@code [rowStart[r], rowStart[r + 1])} carry a next state, a
 * probability and whether the transition ends the episode; {@code reward[r]} is the expected
 * immediate reward of (s, a).
 *
 * <p>Unlike {@link TabularMdp}, a row may be empty: such an (s, a) has value {@code reward[r]}
 * (normally 0) and no continuation, which is how generators represent terminal states while they
 * are still being built. The arrays are used as given, not copied.
 */
public final class SparseModel {
  // Package-private so the solvers' inner loops read the arrays directly.
  final int states;
  final int actions;
  final int[] rowStart;
  final int[] next;
  final double[] prob;
  final boolean[] terminates;
  final double[] reward;

  /** Wraps the arrays (not copied); lengths are checked, contents are trusted. */
  public SparseModel(int states, int actions, int[] rowStart, int[] next, double[] prob,
      boolean[] terminates, double[] reward) {
    if (states <= 0 || actions <= 0) {
      throw new InvalidInputException("model needs positive sizes, got " + states + " states and "
          + actions + " actions");
    }
    int rows = states * actions;
    if (rowStart.length != rows + 1 || reward.length != rows) {
      throw new InvalidInputException("model arrays do not match " + states + " states x "
          + actions + " actions");
    }
    int n = rowStart[rows];
    if (next.length < n || prob.length < n || terminates.length < n) {
      throw new InvalidInputException("model outcome arrays shorter than " + n);
    }
    this.states = states;
    this.actions = actions;
    this.rowStart = rowStart;
    this.next = next;
    this.prob = prob;
    this.terminates = terminates;
    this.reward = reward;
  }

  /** The flat form of an MDP (expected rewards computed from the outcome reward means). */
  public static SparseModel of(TabularMdp mdp) {
    int nS = mdp.states();
    int nA = mdp.actions();
    int n = mdp.outcomeCount();
    int[] rowStart = new int[nS * nA + 1];
    int[] next = new int[n];
    double[] prob = new double[n];
    boolean[] term = new boolean[n];
    double[] reward = new double[nS * nA];
    for (int s = 0; s < nS; s++) {
      for (int a = 0; a < nA; a++) {
        int row = s * nA + a;
        int lo = mdp.outcomeStart(s, a);
        int hi = mdp.outcomeEnd(s, a);
        rowStart[row] = lo;
        double r = 0;
        for (int k = lo; k < hi; k++) {
          next[k] = mdp.next(k);
          prob[k] = mdp.prob(k);
          term[k] = mdp.terminates(k);
          r += prob[k] * mdp.rewardMean(k);
        }
        reward[row] = r;
      }
    }
    rowStart[nS * nA] = n;
    return new SparseModel(nS, nA, rowStart, next, prob, term, reward);
  }

  public int states() {
    return states;
  }

  public int actions() {
    return actions;
  }

  /** First outcome of row {@code s * actions + a}. */
  public int rowStart(int row) {
    return rowStart[row];
  }

  /** One past the last outcome of row {@code row}. */
  public int rowEnd(int row) {
    return rowStart[row + 1];
  }

  public int next(int k) {
    return next[k];
  }

  public double prob(int k) {
    return prob[k];
  }

  public boolean terminates(int k) {
    return terminates[k];
  }

  /** Expected immediate reward of row {@code s * actions + a}. */
  public double reward(int row) {
    return reward[row];
  }

  /** Number of stored outcomes. */
  public int outcomeCount() {
    return rowStart[states * actions];
  }
}
