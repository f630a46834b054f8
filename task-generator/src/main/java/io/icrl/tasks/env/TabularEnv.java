package io.icrl.tasks.env;

import io.icrl.core.Ziggurat;
import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A {@link DiscreteEnv} that samples a {@link TabularMdp}. Transitions are drawn by inverse CDF over
 * the (s, a) outcomes with precomputed cumulative probabilities; the step loop allocates nothing.
 * Reward noise is Gaussian, drawn with the fast, reproducible {@link Ziggurat}: when any outcome of
 * the MDP is noisy, every step draws one normal (scaled by that outcome's standard deviation, which
 * may be 0), so the random stream does not depend on which outcome occurred.
 */
public final class TabularEnv implements DiscreteEnv {
  private final TabularMdp mdp;
  private final int actions;
  private final int maxSteps;
  private final int[] rowStart;
  /**
   * Per outcome {@code k}, at {@code 4k..4k+3}: cumulative probability within its (s, a), reward
   * mean, reward standard deviation, and {@code 2 * next + terminated}; one cache line serves the
   * scan and the chosen outcome.
   */
  private final double[] packed;
  private final double[] startCdf;
  private final boolean noisyRewards;
  private SplittableRandom rng = new SplittableRandom(0);
  private int state;
  private int t;
  private double reward;
  private boolean terminated;
  private boolean truncated;
  private boolean needsReset = true;

  public TabularEnv(TabularMdp mdp) {
    this.mdp = mdp;
    this.actions = mdp.actions();
    this.maxSteps = mdp.maxEpisodeSteps();
    int rows = mdp.states() * actions;
    this.rowStart = new int[rows];
    this.packed = new double[4 * mdp.outcomeCount()];
    boolean noisy = false;
    for (int s = 0; s < mdp.states(); s++) {
      for (int a = 0; a < actions; a++) {
        rowStart[s * actions + a] = mdp.outcomeStart(s, a);
        double c = 0;
        for (int k = mdp.outcomeStart(s, a), hi = mdp.outcomeEnd(s, a); k < hi; k++) {
          c += mdp.prob(k);
          packed[4 * k] = c;
          packed[4 * k + 1] = mdp.rewardMean(k);
          packed[4 * k + 2] = mdp.rewardStd(k);
          packed[4 * k + 3] = 2.0 * mdp.next(k) + (mdp.terminates(k) ? 1 : 0);
          noisy |= mdp.rewardStd(k) > 0;
        }
        packed[4 * (mdp.outcomeEnd(s, a) - 1)] = Double.POSITIVE_INFINITY; // guard rounding
      }
    }
    this.noisyRewards = noisy;
    this.startCdf = new double[mdp.states()];
    double c = 0;
    for (int s = 0; s < mdp.states(); s++) {
      c += mdp.startProbability(s);
      startCdf[s] = c;
    }
    startCdf[mdp.states() - 1] = Double.POSITIVE_INFINITY;
  }

  @Override
  public int observationCount() {
    return mdp.states();
  }

  @Override
  public int actionCount() {
    return mdp.actions();
  }

  @Override
  public int maxEpisodeSteps() {
    return mdp.maxEpisodeSteps();
  }

  @Override
  public int reset(long seed) {
    rng = new SplittableRandom(seed);
    return reset();
  }

  @Override
  public int reset() {
    double u = rng.nextDouble();
    int s = 0;
    while (u >= startCdf[s]) {
      s++;
    }
    state = s;
    t = 0;
    reward = 0;
    terminated = false;
    truncated = false;
    needsReset = false;
    return s;
  }

  @Override
  public int step(int action) {
    if (needsReset) {
      throw new IllegalStateException("step() called before reset() or after the episode ended");
    }
    if (action < 0 || action >= mdp.actions()) {
      throw new InvalidInputException("action " + action + " out of range [0, " + mdp.actions()
          + ") for " + mdp.name());
    }
    int k = 4 * rowStart[state * actions + action];
    double u = rng.nextDouble();
    while (u >= packed[k]) {
      k += 4;
    }
    int code = (int) packed[k + 3];
    state = code >>> 1;
    terminated = (code & 1) != 0;
    reward = packed[k + 1];
    if (noisyRewards) {
      // One normal per step whenever the MDP has any noise (branch-free; times 0 if none here).
      reward += packed[k + 2] * Ziggurat.next(rng);
    }
    t++;
    truncated = !terminated && t >= maxSteps;
    needsReset = terminated || truncated;
    return state;
  }

  @Override
  public double reward() {
    return reward;
  }

  @Override
  public boolean terminated() {
    return terminated;
  }

  @Override
  public boolean truncated() {
    return truncated;
  }

  /** The current state. */
  public int state() {
    return state;
  }

  /** Steps taken in the current episode. */
  public int elapsedSteps() {
    return t;
  }

  @Override
  public Optional<TabularMdp> mdp() {
    return Optional.of(mdp);
  }

  /** The MDP this environment samples. */
  public TabularMdp tabularMdp() {
    return mdp;
  }
}
