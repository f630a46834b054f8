package io.icrl.tasks.mdp;

import io.icrl.core.InvalidInputException;
import java.util.Arrays;

/**
 * Builds a {@link TabularMdp}. Outcomes may be added in any order; those of one (s, a) keep the
 * order in which they were added.
 */
public final class TabularMdpBuilder {
  private final int states;
  private final int actions;
  private String name = "mdp";
  private int maxEpisodeSteps = Integer.MAX_VALUE;
  private int size;
  private int[] row = new int[64];
  private int[] next = new int[64];
  private double[] prob = new double[64];
  private double[] rewardMean = new double[64];
  private double[] rewardStd = new double[64];
  private boolean[] terminates = new boolean[64];
  private final double[] start;
  private final StateKind[] kinds;

  TabularMdpBuilder(int states, int actions) {
    if (states <= 0) {
      throw new InvalidInputException("number of states must be positive, got " + states);
    }
    if (actions <= 0) {
      throw new InvalidInputException("number of actions must be positive, got " + actions);
    }
    if ((long) states * actions > 100_000_000L) {
      throw new InvalidInputException("MDP too large: " + states + " states x " + actions
          + " actions");
    }
    this.states = states;
    this.actions = actions;
    this.start = new double[states];
    this.kinds = new StateKind[states];
    Arrays.fill(kinds, StateKind.NORMAL);
  }

  public TabularMdpBuilder name(String name) {
    this.name = name;
    return this;
  }

  public TabularMdpBuilder maxEpisodeSteps(int steps) {
    if (steps <= 0) {
      throw new InvalidInputException(name + ": max episode steps must be positive, got " + steps);
    }
    this.maxEpisodeSteps = steps;
    return this;
  }

  /** Sets the probability of starting in {@code s}. */
  public TabularMdpBuilder start(int s, double p) {
    checkState(s);
    start[s] = p;
    return this;
  }

  public TabularMdpBuilder kind(int s, StateKind kind) {
    checkState(s);
    kinds[s] = kind;
    return this;
  }

  /** Adds a deterministic-reward outcome. */
  public TabularMdpBuilder outcome(int s, int a, int nextState, double p, double reward,
      boolean terminated) {
    return outcome(s, a, nextState, p, reward, 0.0, terminated);
  }

  /** Adds an outcome with Gaussian reward noise of standard deviation {@code rewardStdev}. */
  public TabularMdpBuilder outcome(int s, int a, int nextState, double p, double reward,
      double rewardStdev, boolean terminated) {
    checkState(s);
    checkState(nextState);
    if (a < 0 || a >= actions) {
      throw new InvalidInputException(name + ": action " + a + " out of range [0, " + actions + ")");
    }
    if (size == row.length) {
      int n = size * 2;
      row = Arrays.copyOf(row, n);
      next = Arrays.copyOf(next, n);
      prob = Arrays.copyOf(prob, n);
      rewardMean = Arrays.copyOf(rewardMean, n);
      rewardStd = Arrays.copyOf(rewardStd, n);
      terminates = Arrays.copyOf(terminates, n);
    }
    row[size] = s * actions + a;
    next[size] = nextState;
    prob[size] = p;
    rewardMean[size] = reward;
    rewardStd[size] = rewardStdev;
    terminates[size] = terminated;
    size++;
    return this;
  }

  private void checkState(int s) {
    if (s < 0 || s >= states) {
      throw new InvalidInputException(name + ": state " + s + " out of range [0, " + states + ")");
    }
  }

  /** Validates (probabilities sum to one, every (s, a) has an outcome) and builds. */
  public TabularMdp build() {
    int rows = states * actions;
    int[] rowStart = new int[rows + 1];
    for (int i = 0; i < size; i++) {
      rowStart[row[i] + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      rowStart[r + 1] += rowStart[r];
    }
    int[] fill = Arrays.copyOf(rowStart, rows);
    int[] n = new int[size];
    double[] p = new double[size];
    double[] rm = new double[size];
    double[] rs = new double[size];
    boolean[] t = new boolean[size];
    for (int i = 0; i < size; i++) {
      int k = fill[row[i]]++;
      n[k] = next[i];
      p[k] = prob[i];
      rm[k] = rewardMean[i];
      rs[k] = rewardStd[i];
      t[k] = terminates[i];
    }
    return new TabularMdp(name, states, actions, maxEpisodeSteps, rowStart, n, p, rm, rs, t,
        start.clone(), kinds.clone());
  }
}
