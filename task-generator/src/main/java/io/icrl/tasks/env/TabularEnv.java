package io.icrl.tasks.env;

import io.icrl.core.Gaussian;
import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A {@link DiscreteEnv} that samples a {@link TabularMdp}. Transitions are drawn by inverse CDF over
 * the (s, a) outcomes with precomputed cumulative probabilities; the step loop allocates nothing.
 */
public final class TabularEnv implements DiscreteEnv {
  private final TabularMdp mdp;
  private final double[] cdf;
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
    int n = mdp.outcomeCount();
    this.cdf = new double[n];
    boolean noisy = false;
    for (int s = 0; s < mdp.states(); s++) {
      for (int a = 0; a < mdp.actions(); a++) {
        double c = 0;
        for (int k = mdp.outcomeStart(s, a), hi = mdp.outcomeEnd(s, a); k < hi; k++) {
          c += mdp.prob(k);
          cdf[k] = c;
          noisy |= mdp.rewardStd(k) > 0;
        }
        cdf[mdp.outcomeEnd(s, a) - 1] = Double.POSITIVE_INFINITY; // guard against rounding
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
    int k = mdp.outcomeStart(state, action);
    double u = rng.nextDouble();
    while (u >= cdf[k]) {
      k++;
    }
    state = mdp.next(k);
    reward = mdp.rewardMean(k);
    if (noisyRewards) {
      double sd = mdp.rewardStd(k);
      if (sd > 0) {
        reward += sd * Gaussian.next(rng);
      }
    }
    terminated = mdp.terminates(k);
    t++;
    truncated = !terminated && t >= mdp.maxEpisodeSteps();
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
