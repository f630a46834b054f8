package io.icrl.synth.behavior;

import io.icrl.core.Gaussian;
import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/**
 * A random softmax policy whose logits drift slowly: logits start as {@code scale * N(0, 1)} and
 * every logit follows a random walk with per-step standard deviation {@code drift}. Drift is
 * applied lazily when a state is visited (the sum of {@code dt} steps of the walk is added at
 * once, as one increment of variance {@code dt * drift^2}, uniform-shaped), so a step costs O(A).
 * Tagged {@code rnd}.
 */
public final class DriftingSoftmaxPolicy implements BehaviorPolicy {
  private static final byte RND = Tag.RND.code();
  private static final double SQRT3 = StrictMath.sqrt(3.0);

  private final int actions;
  private final double drift;
  private final double[] logits;
  private final long[] lastUpdate;
  private final double[] weights;
  private final SplittableRandom rng;
  private long steps;

  /**
   * @param scale standard deviation of the initial logits (large = near-deterministic policy)
   * @param drift per-step standard deviation of each logit's random walk
   */
  public DriftingSoftmaxPolicy(int states, int actions, double scale, double drift,
      SplittableRandom rng) {
    this.actions = actions;
    this.drift = drift;
    this.rng = rng;
    this.logits = new double[states * actions];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = scale * Gaussian.next(rng);
    }
    this.lastUpdate = new long[states];
    this.weights = new double[actions];
  }

  @Override
  public int act(int state) {
    int base = state * actions;
    long dt = steps - lastUpdate[state];
    if (dt > 0 && drift > 0) {
      double width = drift * SQRT3 * Math.sqrt((double) dt);
      for (int a = 0; a < actions; a++) {
        logits[base + a] += width * (2.0 * rng.nextDouble() - 1.0);
      }
      lastUpdate[state] = steps;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < actions; a++) {
      max = Math.max(max, logits[base + a]);
    }
    double total = 0;
    for (int a = 0; a < actions; a++) {
      double w = StrictMath.exp(logits[base + a] - max);
      weights[a] = w;
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int a = 0; a < actions - 1; a++) {
      u -= weights[a];
      if (u < 0) {
        return a;
      }
    }
    return actions - 1;
  }

  /** Probability of {@code action} in {@code state} under the current logits (for tests). */
  public double probability(int state, int action) {
    int base = state * actions;
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < actions; a++) {
      max = Math.max(max, logits[base + a]);
    }
    double total = 0;
    for (int a = 0; a < actions; a++) {
      total += StrictMath.exp(logits[base + a] - max);
    }
    return StrictMath.exp(logits[base + action] - max) / total;
  }

  @Override
  public byte tag() {
    return RND;
  }

  @Override
  public void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated) {
    steps++;
  }
}
