package io.icrl.tasks.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The rewards of the earlier AnyMDP ({@code anymdp-v1}; Xenoverse commit 6807357, {@code
 * reward_sampler} and {@code check_valuefunction}) for a given {@link AnyMdpV1Transitions}.
 *
 * <p>Entering a goal pays at least {@code v} (an exponential of mean {@code v} clipped below at
 * {@code v}), entering a pitfall costs up to {@code v}, {@code v = U(10, 100) * scale}, {@code
 * scale = U(0.01, 0.1)}, with noise on those rewards. A random subset of three extras is added: a
 * sparse reward on reaching ordinary states, a small per-action reward, and potential shaping along
 * a random direction of the state embedding. If every reward lies within [-1.01, 1.01] they are
 * clipped to [-1, 1].
 */
final class AnyMdpV1Rewards {
  final double[] base;
  final double[] noise;
  final double[] actionReward;
  final double[] shaping;
  final boolean clip;

  private AnyMdpV1Rewards(double[] base, double[] noise, double[] actionReward, double[] shaping,
      boolean clip) {
    this.base = base;
    this.noise = noise;
    this.actionReward = actionReward;
    this.shaping = shaping;
    this.clip = clip;
  }

  /** Reward mean of (s, a, s'). */
  double mean(int s, int a, int sp) {
    double r = base[sp] + actionReward[a] + shaping[sp] - shaping[s];
    return clip ? Draws.clip(r, -1.0, 1.0) : r;
  }

  /** Reward noise (standard deviation) on entering {@code sp}. */
  double noise(int sp) {
    return noise[sp];
  }

  static AnyMdpV1Rewards sample(AnyMdpV1Transitions t, SplittableRandom rng) {
    int ns = t.states;
    int na = t.actions;
    double scale = Draws.uniform(rng, 0.01, 0.10);
    double vScale = Draws.uniform(rng, 10, 100) * scale;
    double[] base = new double[ns];
    for (int s = 0; s < ns; s++) {
      double u = rng.nextDouble();
      base[s] = t.negative[s] ? -u * vScale : 0.0;
    }
    for (int s = 0; s < ns; s++) {
      double e = Math.max(Draws.exponential(rng, vScale), vScale);
      if (t.positive[s]) {
        base[s] += e;
      }
    }
    boolean[] crucial = new boolean[ns];
    for (int s = 0; s < ns; s++) {
      crucial[s] = Math.abs(base[s]) > 1e-6;
    }
    double noiseFactor = vScale * rng.nextDouble();
    double[] noise = new double[ns];
    for (int s = 0; s < ns; s++) {
      double u = rng.nextDouble();
      noise[s] = crucial[s] ? noiseFactor * u : 0.0;
    }

    int type = Draws.integer(rng, 0, 7); // three bits, 0..6 as in Python's comb_sampler
    if ((type & 4) != 0) {
      double sparsity = Math.min(0.25 * Draws.exponential(rng, 1.0), 1.0);
      boolean[] mask = new boolean[ns];
      boolean[] noiseMask = new boolean[ns];
      for (int s = 0; s < ns; s++) {
        mask[s] = Draws.bernoulli(rng, sparsity);
      }
      for (int s = 0; s < ns; s++) {
        noiseMask[s] = Draws.bernoulli(rng, sparsity);
      }
      double noiseLevel = 0.30 * rng.nextDouble();
      double[] extraNoise = new double[ns];
      for (int s = 0; s < ns; s++) {
        double u = rng.nextDouble();
        extraNoise[s] = noiseMask[s] ? noiseLevel * u : 0.0;
      }
      double positiveRatio = Math.min(0.10 * Draws.exponential(rng, 1.0), 1.0);
      double[] sign = new double[ns];
      for (int s = 0; s < ns; s++) {
        sign[s] = Draws.bernoulli(rng, positiveRatio) ? 1.0 : -1.0;
      }
      double[] extra = new double[ns];
      for (int s = 0; s < ns; s++) {
        double z = Math.abs(Draws.normal(rng));
        extra[s] = mask[s] && !crucial[s] ? z * sign[s] : 0.0;
        if (crucial[s]) {
          extraNoise[s] = 0.0;
        }
      }
      double rewardWeight = Draws.exponential(rng, 0.10) * scale;
      double noiseWeight = Draws.exponential(rng, 0.10) * scale;
      for (int s = 0; s < ns; s++) {
        base[s] += rewardWeight * extra[s];
        noise[s] += noiseWeight * extraNoise[s];
      }
    }
    double[] act = new double[na];
    if ((type & 2) != 0) {
      double w = Draws.exponential(rng, 0.01) * scale;
      for (int a = 0; a < na; a++) {
        act[a] = w * (rng.nextDouble() - 0.5);
      }
    }
    double[] shaping = new double[ns];
    if ((type & 1) != 0) {
      int ndim = t.loc[0].length;
      double[] dir = new double[ndim];
      double norm = 0;
      for (int d = 0; d < ndim; d++) {
        dir[d] = rng.nextDouble();
        norm += dir[d] * dir[d];
      }
      norm = Math.sqrt(norm);
      double w = rng.nextDouble() * scale;
      for (int s = 0; s < ns; s++) {
        double x = 0;
        for (int d = 0; d < ndim; d++) {
          x += dir[d] / norm * t.loc[s][d];
        }
        shaping[s] = x * w;
      }
    }
    // Python clips only when no entry of the full (s, a, s') table leaves [-1.01, 1.01].
    double hiNext = Double.NEGATIVE_INFINITY;
    double loNext = Double.POSITIVE_INFINITY;
    for (int s = 0; s < ns; s++) {
      hiNext = Math.max(hiNext, base[s] + shaping[s]);
      loNext = Math.min(loNext, base[s] + shaping[s]);
    }
    double hiAct = Arrays.stream(act).max().orElse(0);
    double loAct = Arrays.stream(act).min().orElse(0);
    double hiFrom = Double.NEGATIVE_INFINITY;
    double loFrom = Double.POSITIVE_INFINITY;
    for (int s = 0; s < ns; s++) {
      hiFrom = Math.max(hiFrom, -shaping[s]);
      loFrom = Math.min(loFrom, -shaping[s]);
    }
    boolean clip = !(hiNext + hiAct + hiFrom > 1.01 || loNext + loAct + loFrom < -1.01);
    return new AnyMdpV1Rewards(base, noise, act, shaping, clip);
  }

  /**
   * Reward quality ({@code check_valuefunction} on the chain where trigger states jump to the start
   * distribution with reward 0): five in-place sweeps of Q-value iteration give a long-sighted
   * ({@code gamma} 0.99), short-sighted (0.7) and random-policy (0.99) value per state; the quality
   * rewards long-sighted values that differ from both the random and the short-sighted ones in
   * rank (Spearman) and that vary across states; -100 when they are too flat or not finite.
   */
  double quality(AnyMdpV1Transitions t) {
    int ns = t.states;
    int na = t.actions;
    double[] expected = new double[ns * na];
    for (int s = 0; s < ns; s++) {
      if (t.trigger(s)) {
        continue;
      }
      for (int a = 0; a < na; a++) {
        int row = s * na + a;
        double r = 0;
        for (int j = t.rowStart[row]; j < t.rowStart[row + 1]; j++) {
          r += t.prob[j] * mean(s, a, t.next[j]);
        }
        expected[row] = r;
      }
    }
    double[] vl = sweeps(t, expected, 0.99, true);
    double[] vs = sweeps(t, expected, 0.70, true);
    double[] vr = sweeps(t, expected, 0.99, false);
    double meanSq = 0;
    double meanDiff = 0;
    double meanL = 0;
    for (int s = 0; s < ns; s++) {
      meanSq += vr[s] * vr[s];
      meanDiff += vl[s] - vr[s];
      meanL += vl[s];
    }
    double vbase = Math.sqrt(meanSq / ns);
    meanDiff /= ns;
    meanL /= ns;
    double varL = 0;
    for (int s = 0; s < ns; s++) {
      varL += (vl[s] - meanL) * (vl[s] - meanL);
    }
    double stdL = Math.sqrt(varL / ns);
    double w = 1.5;
    double qDelta = w * StrictMath.tanh(meanDiff / vbase / w);
    double qStd = w * StrictMath.tanh(stdL / vbase / w);
    if (qStd < 0.1) {
      return -100;
    }
    double corrLr = Spearman.correlation(vl, vr);
    double corrLs = Spearman.correlation(vl, vs);
    if (Double.isNaN(corrLr)) {
      corrLr = 1;
    }
    if (Double.isNaN(corrLs)) {
      corrLs = 1;
    }
    double q = StrictMath.log(1 + 1e-10 - corrLr) + StrictMath.log(1 + 1e-10 - corrLs) + qDelta
        + qStd;
    return Double.isFinite(q) ? q : -100;
  }

  /** Max (or mean) over actions after five in-place Q sweeps from zero (Python's order). */
  private static double[] sweeps(AnyMdpV1Transitions t, double[] expected, double gamma,
      boolean greedy) {
    int ns = t.states;
    int na = t.actions;
    double[] q = new double[ns * na];
    double[] old = new double[ns * na];
    double diff = 1.0;
    int iteration = 0;
    while (diff > 1e-4 && iteration < 5) {
      iteration++;
      System.arraycopy(q, 0, old, 0, q.length);
      for (int s = 0; s < ns; s++) {
        for (int a = 0; a < na; a++) {
          int row = s * na + a;
          double cont = 0;
          if (t.trigger(s)) {
            for (int sp = 0; sp < ns; sp++) {
              if (t.start[sp] > 0) {
                cont += t.start[sp] * aggregate(q, sp, na, greedy);
              }
            }
          } else {
            for (int j = t.rowStart[row]; j < t.rowStart[row + 1]; j++) {
              cont += t.prob[j] * aggregate(q, t.next[j], na, greedy);
            }
          }
          q[row] = expected[row] + gamma * cont;
        }
      }
      double sq = 0;
      for (int i = 0; i < q.length; i++) {
        sq += (old[i] - q[i]) * (old[i] - q[i]);
      }
      diff = Math.sqrt(sq / q.length);
    }
    double[] v = new double[ns];
    for (int s = 0; s < ns; s++) {
      double m = q[s * na];
      for (int a = 1; a < na; a++) {
        m = Math.max(m, q[s * na + a]);
      }
      v[s] = m;
    }
    return v;
  }

  private static double aggregate(double[] q, int s, int na, boolean greedy) {
    int base = s * na;
    if (greedy) {
      double m = q[base];
      for (int a = 1; a < na; a++) {
        m = Math.max(m, q[base + a]);
      }
      return m;
    }
    double sum = 0;
    for (int a = 0; a < na; a++) {
      sum += q[base + a];
    }
    return sum / na;
  }
}
