package io.icrl.tasks.mdp;

import io.icrl.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable tabular MDP with sparse transitions.
 *
 * <p>For each (state s, action a) the possible outcomes are stored contiguously (CSR layout): the
 * outcome indices {@code k} in {@code [outcomeStart(s,a), outcomeEnd(s,a))} each carry a next
 * state, a probability, a reward mean and standard deviation (Gaussian noise; 0 = deterministic)
 * and a terminated flag (the episode ends on this transition, as Gymnasium's {@code P[s][a]}
 * entries do). Outcome order and duplicate outcomes are kept exactly as built. States also carry a
 * {@link StateKind} (goal and pitfall terminals are informative for generators and reports).
 *
 * <p>Episodes start from {@link #startDistribution()} and are truncated after {@link
 * #maxEpisodeSteps()} steps (Gymnasium's TimeLimit).
 */
public final class TabularMdp {
  /** Tolerance for probabilities summing to one. */
  public static final double PROBABILITY_TOLERANCE = 1e-9;

  private final String name;
  private final int states;
  private final int actions;
  private final int maxEpisodeSteps;
  private final int[] rowStart;
  private final int[] next;
  private final double[] prob;
  private final double[] rewardMean;
  private final double[] rewardStd;
  private final boolean[] terminates;
  private final double[] start;
  private final StateKind[] kinds;

  TabularMdp(String name, int states, int actions, int maxEpisodeSteps, int[] rowStart, int[] next,
      double[] prob, double[] rewardMean, double[] rewardStd, boolean[] terminates, double[] start,
      StateKind[] kinds) {
    this.name = name;
    this.states = states;
    this.actions = actions;
    this.maxEpisodeSteps = maxEpisodeSteps;
    this.rowStart = rowStart;
    this.next = next;
    this.prob = prob;
    this.rewardMean = rewardMean;
    this.rewardStd = rewardStd;
    this.terminates = terminates;
    this.start = start;
    this.kinds = kinds;
    validate();
  }

  /** A builder for an MDP with the given sizes. */
  public static TabularMdpBuilder builder(int states, int actions) {
    return new TabularMdpBuilder(states, actions);
  }

  private void validate() {
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < actions; a++) {
        int lo = outcomeStart(s, a);
        int hi = outcomeEnd(s, a);
        if (lo == hi) {
          throw new InvalidInputException(name + ": no outcomes for state " + s + ", action " + a);
        }
        double sum = 0;
        for (int k = lo; k < hi; k++) {
          if (!(prob[k] >= 0) || prob[k] > 1 + PROBABILITY_TOLERANCE) {
            throw new InvalidInputException(name + ": probability " + prob[k] + " out of [0,1] at"
                + " state " + s + ", action " + a);
          }
          if (!Double.isFinite(rewardMean[k]) || !(rewardStd[k] >= 0)) {
            throw new InvalidInputException(name + ": bad reward (mean " + rewardMean[k] + ", std "
                + rewardStd[k] + ") at state " + s + ", action " + a);
          }
          sum += prob[k];
        }
        if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
          throw new InvalidInputException(name + ": transition probabilities of state " + s
              + ", action " + a + " sum to " + sum + ", not 1");
        }
      }
    }
    double sum = 0;
    for (int s = 0; s < states; s++) {
      if (!(start[s] >= 0)) {
        throw new InvalidInputException(name + ": negative start probability at state " + s);
      }
      sum += start[s];
    }
    if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
      throw new InvalidInputException(name + ": start distribution sums to " + sum + ", not 1");
    }
  }

  public String name() {
    return name;
  }

  public int states() {
    return states;
  }

  public int actions() {
    return actions;
  }

  /** Gymnasium's TimeLimit: an episode is truncated after this many steps. */
  public int maxEpisodeSteps() {
    return maxEpisodeSteps;
  }

  /** First outcome index of (s, a). */
  public int outcomeStart(int s, int a) {
    return rowStart[s * actions + a];
  }

  /** One past the last outcome index of (s, a). */
  public int outcomeEnd(int s, int a) {
    return rowStart[s * actions + a + 1];
  }

  /** Total number of stored outcomes. */
  public int outcomeCount() {
    return next.length;
  }

  public int next(int k) {
    return next[k];
  }

  public double prob(int k) {
    return prob[k];
  }

  public double rewardMean(int k) {
    return rewardMean[k];
  }

  public double rewardStd(int k) {
    return rewardStd[k];
  }

  public boolean terminates(int k) {
    return terminates[k];
  }

  /** Expected immediate reward of taking {@code a} in {@code s}. */
  public double expectedReward(int s, int a) {
    double r = 0;
    for (int k = outcomeStart(s, a), hi = outcomeEnd(s, a); k < hi; k++) {
      r += prob[k] * rewardMean[k];
    }
    return r;
  }

  public double startProbability(int s) {
    return start[s];
  }

  /** A copy of the start distribution. */
  public double[] startDistribution() {
    return start.clone();
  }

  public StateKind kind(int s) {
    return kinds[s];
  }

  /** True when every episode entering {@code s} terminates (goal or pitfall). */
  public boolean isTerminal(int s) {
    return kinds[s] != StateKind.NORMAL;
  }

  /** A copy with another name (e.g. the full task id it was made from). */
  public TabularMdp withName(String newName) {
    return new TabularMdp(newName, states, actions, maxEpisodeSteps, rowStart, next, prob,
        rewardMean, rewardStd, terminates, start, kinds);
  }

  /** A copy with another step limit. */
  public TabularMdp withMaxEpisodeSteps(int steps) {
    if (steps <= 0) {
      throw new InvalidInputException(name + ": max episode steps must be positive, got " + steps);
    }
    return new TabularMdp(name, states, actions, steps, rowStart, next, prob, rewardMean,
        rewardStd, terminates, start, kinds);
  }

  /**
   * SHA-256 over every number that defines the MDP (not its name), as hex: equal fingerprints mean
   * bit-identical tasks.
   */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer buf = ByteBuffer.allocate(8 * 4);
      buf.putInt(states).putInt(actions).putInt(maxEpisodeSteps).putInt(next.length);
      md.update(buf.array(), 0, buf.position());
      for (int i = 0; i < rowStart.length; i++) {
        md.update(intBytes(rowStart[i]));
      }
      for (int k = 0; k < next.length; k++) {
        md.update(intBytes(next[k]));
        md.update(longBytes(Double.doubleToLongBits(prob[k])));
        md.update(longBytes(Double.doubleToLongBits(rewardMean[k])));
        md.update(longBytes(Double.doubleToLongBits(rewardStd[k])));
        md.update((byte) (terminates[k] ? 1 : 0));
      }
      for (int s = 0; s < states; s++) {
        md.update(longBytes(Double.doubleToLongBits(start[s])));
        md.update((byte) kinds[s].ordinal());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] intBytes(int v) {
    return ByteBuffer.allocate(4).putInt(v).array();
  }

  private static byte[] longBytes(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TabularMdp m)) {
      return false;
    }
    return states == m.states && actions == m.actions && maxEpisodeSteps == m.maxEpisodeSteps
        && Arrays.equals(rowStart, m.rowStart) && Arrays.equals(next, m.next)
        && Arrays.equals(prob, m.prob) && Arrays.equals(rewardMean, m.rewardMean)
        && Arrays.equals(rewardStd, m.rewardStd) && Arrays.equals(terminates, m.terminates)
        && Arrays.equals(start, m.start) && Arrays.equals(kinds, m.kinds);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(next) + Arrays.hashCode(prob);
  }

  @Override
  public String toString() {
    return name + " (" + states + " states, " + actions + " actions, " + next.length
        + " outcomes, step limit " + maxEpisodeSteps + ")";
  }
}
