package io.icrl.tasks.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The transition structure of the earlier, geometric AnyMDP ({@code anymdp-v1}; Xenoverse commit
 * 6807357, {@code transition_sampler} and {@code check_transition}).
 *
 * <p>States are random points in {@code [0,1)^d} ({@code d} in 2..7) with the first axis stretched
 * to a random length; progress along that axis decides the roles: states near its start may be
 * start states, states near its end may be goals (positive reset triggers; in 30% of tasks there
 * are none), and up to 20% of the remaining states are pitfalls (negative triggers). Action {@code
 * a} in state {@code s} aims at {@code loc(s) + dir * len} (random unit direction, length 1..3
 * times the mean distance to the nearest {@code k - 1} neighbours, {@code k} in 2..8) and reaches a
 * random non-empty subset of the {@code k} states nearest that target with Gaussian-kernel weights.
 */
final class AnyMdpV1Transitions {
  private static final double EPS = 1e-6;
  private static final int MAX_ROLE_TRIES = 10_000;
  static final int MAX_DIVERSITY = 8;

  final int states;
  final int actions;
  final double[][] loc;
  final boolean[] positive;
  final boolean[] negative;
  /** The start distribution (uniform over the chosen start states). */
  final double[] start;
  /** CSR outcomes of every row {@code s * actions + a}, trigger states included. */
  final int[] rowStart;
  final int[] next;
  final double[] prob;

  private AnyMdpV1Transitions(int states, int actions, double[][] loc, boolean[] positive,
      boolean[] negative, double[] start, int[] rowStart, int[] next, double[] prob) {
    this.states = states;
    this.actions = actions;
    this.loc = loc;
    this.positive = positive;
    this.negative = negative;
    this.start = start;
    this.rowStart = rowStart;
    this.next = next;
    this.prob = prob;
  }

  boolean trigger(int s) {
    return positive[s] || negative[s];
  }

  /** One draw for {@code states >= 3}; {@code null} when no start state could be placed. */
  static AnyMdpV1Transitions sample(int ns, int na, SplittableRandom rng) {
    int ndim = Draws.integer(rng, 2, 8);
    double[][] loc = new double[ns][ndim];
    for (int s = 0; s < ns; s++) {
      for (int d = 0; d < ndim; d++) {
        loc[s][d] = rng.nextDouble();
      }
    }
    int axis = Draws.integer(rng, 2, ns);
    for (int s = 0; s < ns; s++) {
      loc[s][0] *= axis;
    }

    // Roles: goals (positive triggers), start states, pitfalls (negative triggers).
    boolean noGoals = rng.nextDouble() > 0.70;
    double[] proc = new double[ns];
    double maxProc = Double.NEGATIVE_INFINITY;
    double minProc = Double.POSITIVE_INFINITY;
    for (int s = 0; s < ns; s++) {
      proc[s] = loc[s][0] / axis;
      maxProc = Math.max(maxProc, proc[s]);
      minProc = Math.min(minProc, proc[s]);
    }
    maxProc -= EPS;
    minProc += EPS;
    double maxProcStart = Math.min(0.60, maxProc - 0.20);
    double minProcEnd = Math.max(0.40, minProc + 0.20);
    boolean[] positive = new boolean[ns];
    boolean[] reset = new boolean[ns];
    boolean[] negative = new boolean[ns];
    double[] p = new double[ns];
    int positives = 0;
    int resets = 0;
    int tries = 0;
    while (((positives < 1 && !noGoals) || resets < 1) && tries < MAX_ROLE_TRIES) {
      if (!noGoals) {
        double threshold = Draws.uniform(rng, maxProcStart, maxProc);
        for (int s = 0; s < ns; s++) {
          p[s] = Draws.clip(proc[s] - threshold, 0.0, 1.0);
        }
        scaleToExpectedCount(p, rng);
        positives = 0;
        for (int s = 0; s < ns; s++) {
          positive[s] = Draws.bernoulli(rng, p[s]);
          positives += positive[s] ? 1 : 0;
        }
      }
      double threshold = Draws.uniform(rng, minProc, minProcEnd);
      for (int s = 0; s < ns; s++) {
        p[s] = Draws.clip(threshold - proc[s], 0.0, 1.0);
      }
      scaleToExpectedCount(p, rng);
      double sum = 0;
      for (double x : p) {
        sum += x;
      }
      if (sum < 1) {
        for (int s = 0; s < ns; s++) {
          p[s] += EPS;
        }
      }
      resets = 0;
      for (int s = 0; s < ns; s++) {
        reset[s] = Draws.bernoulli(rng, p[s]) && !positive[s];
        resets += reset[s] ? 1 : 0;
      }
      double negRate = 0.2 * rng.nextDouble();
      for (int s = 0; s < ns; s++) {
        negative[s] = Draws.bernoulli(rng, negRate) && !positive[s] && !reset[s];
      }
      tries++;
    }
    if (resets < 1 || (positives < 1 && !noGoals)) {
      return null;
    }
    double[] start = new double[ns];
    for (int s = 0; s < ns; s++) {
      start[s] = reset[s] ? 1.0 / resets : 0.0;
    }

    // Neighbourhood size and scale.
    int k = Draws.integer(rng, 2, Math.min(MAX_DIVERSITY + 1, ns + 1));
    double[] nearest = new double[k];
    double distSum = 0;
    for (int s = 0; s < ns; s++) {
      Arrays.fill(nearest, Double.POSITIVE_INFINITY);
      for (int t = 0; t < ns; t++) {
        insertSmallest(nearest, distance(loc[s], loc[t]));
      }
      for (int j = 1; j < k; j++) {
        distSum += nearest[j];
      }
    }
    double avgDist = distSum / (ns * (double) (k - 1));

    // Action targets.
    double[][] target = new double[ns * na][ndim];
    for (int row = 0; row < ns * na; row++) {
      double norm = 0;
      for (int d = 0; d < ndim; d++) {
        target[row][d] = Draws.normal(rng);
        norm += target[row][d] * target[row][d];
      }
      norm = Math.sqrt(norm);
      for (int d = 0; d < ndim; d++) {
        target[row][d] /= norm;
      }
    }
    for (int row = 0; row < ns * na; row++) {
      double len = (1.0 + 2.0 * rng.nextDouble()) * avgDist;
      int s = row / na;
      for (int d = 0; d < ndim; d++) {
        target[row][d] = loc[s][d] + target[row][d] * len;
      }
    }
    double sigma = avgDist * Draws.exponential(rng, 1.0);

    // Kernel width per state: a state with an action whose kernel mass is almost nil everywhere
    // gets the doubled width (repeatedly), as Python recomputes those states' rows.
    double[] width = new double[ns];
    boolean[] flagged = new boolean[ns];
    boolean any = false;
    for (int s = 0; s < ns; s++) {
      width[s] = sigma;
      flagged[s] = hasEmptyAction(s, na, target, loc, sigma);
      any |= flagged[s];
    }
    while (any) {
      sigma *= 2.0;
      any = false;
      for (int s = 0; s < ns; s++) {
        if (flagged[s]) {
          width[s] = sigma;
          flagged[s] = hasEmptyAction(s, na, target, loc, sigma);
          any |= flagged[s];
        }
      }
    }

    // The k states nearest each target, a random non-empty subset of them kept.
    int[] idx = new int[k];
    double[] idxDist = new double[k];
    boolean[] keep = new boolean[ns * na * k];
    int[] nearestIdx = new int[ns * na * k];
    for (int row = 0; row < ns * na; row++) {
      nearestStates(target[row], loc, idx, idxDist);
      System.arraycopy(idx, 0, nearestIdx, row * k, k);
    }
    for (int i = 0; i < keep.length; i++) {
      keep[i] = rng.nextDouble() < 0.5;
    }
    for (int row = 0; row < ns * na; row++) {
      boolean anyKept = false;
      for (int j = 0; j < k; j++) {
        anyKept |= keep[row * k + j];
      }
      if (!anyKept) {
        keep[row * k + Draws.integer(rng, 0, k)] = true;
      }
    }

    int[] rowStart = new int[ns * na + 1];
    int[] next = new int[ns * na * k];
    double[] prob = new double[ns * na * k];
    int size = 0;
    double[] w = new double[k];
    int[] order = new int[k];
    for (int row = 0; row < ns * na; row++) {
      int s = row / na;
      double sum = 0;
      int m = 0;
      for (int j = 0; j < k; j++) {
        if (keep[row * k + j]) {
          int t = nearestIdx[row * k + j];
          w[m] = kernel(distance(target[row], loc[t]), width[s]);
          order[m] = t;
          sum += w[m];
          m++;
        }
      }
      if (!(sum > 0)) {
        // Every kept state's weight underflowed (Python would divide 0 by 0): the nearest kept
        // state takes all the probability.
        Arrays.fill(w, 0, m, 0.0);
        w[0] = 1.0;
        sum = 1.0;
      }
      // Decreasing probability; equal weights keep increasing state order.
      for (int i = 1; i < m; i++) {
        double wi = w[i];
        int oi = order[i];
        int j = i - 1;
        while (j >= 0 && (w[j] < wi || (w[j] == wi && order[j] > oi))) {
          w[j + 1] = w[j];
          order[j + 1] = order[j];
          j--;
        }
        w[j + 1] = wi;
        order[j + 1] = oi;
      }
      for (int i = 0; i < m; i++) {
        if (w[i] > 0) {
          next[size] = order[i];
          prob[size] = w[i] / sum;
          size++;
        }
      }
      rowStart[row + 1] = size;
    }
    return new AnyMdpV1Transitions(ns, na, loc, positive, negative, start, rowStart,
        Arrays.copyOf(next, size), Arrays.copyOf(prob, size));
  }

  /**
   * Transition quality ({@code check_transition} on the action-averaged chain, trigger states
   * jumping to the start distribution): 0 when some state cannot reach another within {@code
   * 2^floor(log2 n)} steps (probability below 1e-6), otherwise the largest {@code i / floor(log2
   * n) + unreachable / n^2} over the squarings {@code i} that still leave pairs unreachable, -1 if
   * none does; 1 below 4 states. Larger means longer paths.
   */
  double quality() {
    int ns = states;
    double[] m = new double[ns * ns];
    for (int s = 0; s < ns; s++) {
      if (trigger(s)) {
        for (int t = 0; t < ns; t++) {
          m[s * ns + t] = start[t];
        }
        continue;
      }
      for (int a = 0; a < actions; a++) {
        int row = s * actions + a;
        for (int j = rowStart[row]; j < rowStart[row + 1]; j++) {
          m[s * ns + next[j]] += prob[j];
        }
      }
      double sum = 0;
      for (int t = 0; t < ns; t++) {
        sum += m[s * ns + t];
      }
      for (int t = 0; t < ns; t++) {
        m[s * ns + t] /= sum;
      }
    }
    int logN = 31 - Integer.numberOfLeadingZeros(ns);
    double quality = -1;
    double[] out = new double[ns * ns];
    for (int i = 0; i < logN; i++) {
      square(m, out, ns);
      double[] t = m;
      m = out;
      out = t;
      int unreachable = countBelow(m, 1e-6);
      if (unreachable > 0) {
        quality = Math.max(quality, (double) i / logN + (double) unreachable / ns / ns);
      }
    }
    if (countBelow(m, 1e-6) > 0) {
      return 0;
    }
    if (ns < 4) {
      return 1;
    }
    return quality;
  }

  private static void square(double[] m, double[] out, int n) {
    Arrays.fill(out, 0.0);
    for (int i = 0; i < n; i++) {
      int ib = i * n;
      for (int k = 0; k < n; k++) {
        double a = m[ib + k];
        if (a == 0) {
          continue;
        }
        int kb = k * n;
        for (int j = 0; j < n; j++) {
          out[ib + j] += a * m[kb + j];
        }
      }
    }
  }

  private static int countBelow(double[] m, double threshold) {
    int c = 0;
    for (double x : m) {
      c += x < threshold ? 1 : 0;
    }
    return c;
  }

  /** Python's {@code p *= max(1, 0.05 * U * n) / (sum(p) + eps)}, then clipped to [0, 1]. */
  private static void scaleToExpectedCount(double[] p, SplittableRandom rng) {
    double sum = 0;
    for (double x : p) {
      sum += x;
    }
    double factor = Math.max(1.0, 0.05 * rng.nextDouble() * p.length) / (sum + EPS);
    for (int s = 0; s < p.length; s++) {
      p[s] = Draws.clip(p[s] * factor, 0.0, 1.0);
    }
  }

  private static double kernel(double d, double sigma) {
    double x = d / sigma;
    x *= x;
    return x > 746 ? 0.0 : StrictMath.exp(-x);
  }

  private static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double x = a[d] - b[d];
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  /** Keeps {@code sorted} the smallest values seen, in increasing order. */
  private static void insertSmallest(double[] sorted, double x) {
    int n = sorted.length;
    if (!(x < sorted[n - 1])) {
      return;
    }
    int i = n - 1;
    while (i > 0 && sorted[i - 1] > x) {
      sorted[i] = sorted[i - 1];
      i--;
    }
    sorted[i] = x;
  }

  private static boolean hasEmptyAction(int s, int na, double[][] target, double[][] loc,
      double sigma) {
    for (int a = 0; a < na; a++) {
      double sum = 0;
      double[] x = target[s * na + a];
      for (double[] l : loc) {
        sum += kernel(distance(x, l), sigma);
      }
      if (sum < EPS) {
        return true;
      }
    }
    return false;
  }

  /** The {@code idx.length} states nearest {@code x}, nearest first (ties: lower state first). */
  private static void nearestStates(double[] x0, double[][] loc, int[] idx, double[] d) {
    int k = idx.length;
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    Arrays.fill(idx, -1);
    for (int t = 0; t < loc.length; t++) {
      double x = distance(x0, loc[t]);
      if (!(x < d[k - 1])) {
        continue;
      }
      int i = k - 1;
      while (i > 0 && d[i - 1] > x) {
        d[i] = d[i - 1];
        idx[i] = idx[i - 1];
        i--;
      }
      d[i] = x;
      idx[i] = t;
    }
  }
}
