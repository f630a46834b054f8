package io.icrl.tasks.generate;

import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.solve.PolicyIteration;
import io.icrl.tasks.solve.QTable;
import io.icrl.tasks.solve.SparseModel;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One draw of Xenoverse's current AnyMDP sampler ({@code task_sampler_utils.sample_mdp} and {@code
 * sample_bandit}), before the acceptance checks and the state relabelling, in the sampler's own
 * state order where the band transitions run along the state index.
 *
 * <ol>
 *   <li>Start states: a subset of {0, 1, 2} weighted by clipped normals.
 *   <li>Terminal states: each state a pitfall with probability {@code max(U(-0.2, 0.4), 0)}
 *       (resampled while too many), never a start state; with probability 0.3 the last state is a
 *       terminal goal.
 *   <li>Band transitions: state {@code s} reaches the band {@code [from, to)} with {@code from} up
 *       to {@code states/2 + 1} behind and {@code to} up to {@code states/4 + 1} ahead (widened
 *       until it holds two non-terminal states ahead of {@code s}), band weights {@code clip(N(0,1),
 *       0.1, 1)}, self-loop halved (removed for the last state). Each action takes the band states
 *       nearest its random centre: Gaussian kernel of width {@code clip(Exp(1), 0.2, 1.6)}
 *       normalized over actions, times the band weight, normalized per action.
 *   <li>Reward on {@code (s, a, s')}: potential shaping {@code phi(s) - phi(s')} with {@code phi} a
 *       random Fourier series, a position reward rising along the state index (zero on terminals),
 *       a sparse state-action cost, a step reward (negative with a terminal goal, positive with only
 *       pitfalls), and terminal rewards: the last state starts at 1, pitfalls at 0.
 *   <li>Terminal rewards are adjusted by exact value iteration at {@code gamma = 0.99} (up to 5
 *       rounds): pitfalls sink below every other value, the last state rises above the start
 *       states by a random margin; if still violated the draw fails ({@code null}).
 * </ol>
 *
 * <p>Differences from the Python, none of which changes what is sampled beyond rounding: values are
 * exact (policy iteration) instead of iterated to an RMS change of 1e-4; an (s, a) outcome whose
 * probability is below {@link #PRUNE} is dropped and the rest renormalized (the Gaussian tails
 * would otherwise make every band dense); band weights are drawn once (Python's redraw loop can
 * never trigger since every weight is at least 0.1); outcomes are stored in decreasing probability,
 * which makes sampling steps faster.
 */
final class AnyMdpSampler {
  /** Outcome probabilities below this are dropped. */
  static final double PRUNE = 1e-12;

  private static final double EPS = 1e-10;
  private static final int START_RANGE = 3;
  private static final double ADJUST_GAMMA = 0.99;
  private static final int ADJUST_ROUNDS = 5;

  private AnyMdpSampler() {}

  /** A multi-armed bandit (one state, every pull ends the episode). */
  static CandidateMdp bandit(int actions, SplittableRandom rng) {
    double base = Draws.clip(Draws.exponential(rng, 1.0), 0.05, 2.0);
    double noiseBase = Math.max(Draws.uniform(rng, -0.30, 0.30), 0.0);
    double[] reward = new double[actions];
    do {
      for (int a = 0; a < actions; a++) {
        reward[a] = Draws.uniform(rng, 0.5 * base, base);
      }
    } while (actions > 1 && std(reward) <= 0.01);
    int[] rowStart = new int[actions + 1];
    int[] next = new int[actions];
    double[] prob = new double[actions];
    double[] std = new double[actions];
    boolean[] term = new boolean[actions];
    for (int a = 0; a < actions; a++) {
      rowStart[a + 1] = a + 1;
      prob[a] = 1.0;
      std[a] = noiseBase * reward[a];
      term[a] = true;
    }
    return new CandidateMdp(1, actions, rowStart, next, prob, reward, std, term,
        new StateKind[] {StateKind.NORMAL}, new double[] {1.0}, new double[1]);
  }

  /** One MDP draw with {@code states >= 2}, or {@code null} when the reward adjustment failed. */
  static CandidateMdp mdp(int ns, int na, SplittableRandom rng) {
    // Start states.
    double[] w0 = new double[START_RANGE];
    double sum0;
    do {
      sum0 = 0;
      for (int i = 0; i < START_RANGE; i++) {
        w0[i] = Math.max(Draws.normal(rng), 0.0);
        sum0 += w0[i];
      }
    } while (sum0 < EPS);
    double kept = 0;
    for (int i = 0; i < START_RANGE; i++) {
      if (w0[i] > EPS) {
        kept += w0[i];
      }
    }
    double[] start = new double[ns];
    for (int i = 0; i < START_RANGE && i < ns; i++) {
      if (w0[i] > EPS) {
        start[i] = w0[i] / kept;
      }
    }

    // Terminal states.
    double pitBase = Math.max(Draws.uniform(rng, -0.20, 0.40), 0.0);
    boolean[] terminal = new boolean[ns];
    int count;
    do {
      count = 0;
      for (int s = 0; s < ns; s++) {
        terminal[s] = Draws.bernoulli(rng, pitBase);
        count += terminal[s] ? 1 : 0;
      }
    } while (count >= ns * pitBase + 1);
    for (int s = 0; s < ns; s++) {
      if (start[s] > 0) {
        terminal[s] = false;
      }
    }
    boolean finalGoal = rng.nextDouble() < 0.3;
    terminal[ns - 1] = finalGoal;

    // State-to-state band weights.
    int maxLeap = Math.max(2, ns / 4 + 1);
    int maxBack = Math.max(2, ns / 2 + 1);
    int[] from = new int[ns];
    int[] to = new int[ns];
    double[][] band = new double[ns][];
    for (int s = 0; s < ns; s++) {
      if (terminal[s]) {
        continue;
      }
      int fromMin = Math.max(0, s - maxBack);
      int fromMax = Math.max(Math.max(0, s - 1), fromMin + 1);
      int toMax = Math.min(ns, s + maxLeap);
      int toMin = Math.min(Math.min(ns - 1, s + 1), toMax - 1);
      int f = Draws.integer(rng, fromMin, fromMax);
      int t = Draws.integer(rng, toMin, toMax);
      int ahead = 0;
      for (int j = s + 1; j < t; j++) {
        ahead += terminal[j] ? 0 : 1;
      }
      while (t < ns && ahead <= 1) {
        ahead += terminal[t] ? 0 : 1;
        t++;
      }
      double[] w = new double[t - f];
      for (int j = 0; j < w.length; j++) {
        w[j] = Draws.clip(Draws.normal(rng), 0.10, 1.0);
      }
      w[s - f] /= 2.0;
      if (s == ns - 1) {
        w[s - f] = 0;
      }
      double sum = 0;
      for (double x : w) {
        sum += x;
      }
      for (int j = 0; j < w.length; j++) {
        w[j] /= sum;
      }
      from[s] = f;
      to[s] = t;
      band[s] = w;
    }

    // Split each band among the actions.
    Outcomes out = new Outcomes(ns * na * 8);
    int[] rowStart = new int[ns * na + 1];
    double[] centre = new double[na];
    for (int s = 0; s < ns; s++) {
      if (terminal[s]) {
        for (int a = 0; a < na; a++) {
          rowStart[s * na + a + 1] = out.size;
        }
        continue;
      }
      int f = from[s];
      int width = to[s] - f;
      for (int a = 0; a < na; a++) {
        centre[a] = Draws.uniform(rng, f - 1, to[s]);
      }
      double sigma = Draws.clip(Draws.exponential(rng, 1.0), 0.20, 1.6);
      double sigma2 = sigma * sigma;
      double[] kernel = new double[na * width];
      for (int j = 0; j < width; j++) {
        double colSum = 0;
        int nearest = 0;
        double nearestDist = Double.POSITIVE_INFINITY;
        for (int a = 0; a < na; a++) {
          double d = centre[a] - (f + j);
          double dist = d * d;
          double x = dist / sigma2;
          // exp underflows to exactly 0 beyond 746; skip the call there.
          double e = x > 746 ? 0.0 : StrictMath.exp(-x);
          kernel[a * width + j] = e;
          colSum += e;
          if (dist < nearestDist) {
            nearestDist = dist;
            nearest = a;
          }
        }
        if (colSum < EPS) {
          kernel[nearest * width + j] = 1.0;
          colSum = 0;
          for (int a = 0; a < na; a++) {
            colSum += kernel[a * width + j];
          }
        }
        double wj = band[s][j];
        for (int a = 0; a < na; a++) {
          kernel[a * width + j] = kernel[a * width + j] / colSum * wj;
        }
      }
      for (int a = 0; a < na; a++) {
        int row = s * na + a;
        if (!out.addRow(kernel, a * width, width, f)) {
          return null;
        }
        rowStart[row + 1] = out.size;
      }
    }
    int n = out.size;
    int[] next = Arrays.copyOf(out.next, n);
    double[] prob = Arrays.copyOf(out.prob, n);
    boolean[] terminates = new boolean[n];
    for (int k = 0; k < n; k++) {
      terminates[k] = terminal[next[k]];
    }

    // Reward components.
    double potBase = rng.nextDouble() < 0.5 ? 0.0
        : Draws.clip(Draws.exponential(rng, 1.0), 0.20, 5.0);
    double box = Math.max(Draws.uniform(rng, -potBase, potBase), 0.0);
    RandomFourier1d potential = new RandomFourier1d(rng, 5, 3, ns * 2.0, box);
    double[] phi = new double[ns];
    for (int s = 0; s < ns; s++) {
      phi[s] = potential.at(s);
    }

    double posBase = Draws.exponential(rng, 0.2);
    double[] pos = new double[ns];
    double acc = 0;
    for (int s = 0; s < ns; s++) {
      double pdf = Math.max(Draws.normal(rng), 0.0);
      if (s == ns - 1) {
        pdf += 0.20;
      }
      acc += pdf * posBase;
      pos[s] = acc;
    }
    double baseline = Draws.uniform(rng, 0.1 * acc, 0.9 * acc);
    double[] posNoise = new double[ns];
    for (int s = 0; s < ns; s++) {
      pos[s] -= baseline;
      posNoise[s] = Math.max(Draws.uniform(rng, -0.30, 0.30), 0.0) * posBase;
    }
    for (int s = 0; s < ns; s++) {
      if (terminal[s]) {
        pos[s] = 0;
        posNoise[s] = 0;
      }
    }

    double saBase = Draws.clip(Draws.exponential(rng, 0.05), 0.0, 0.10);
    int rows = ns * na;
    boolean[] saMask = new boolean[rows];
    for (int row = 0; row < rows; row++) {
      saMask[row] = Draws.uniform(rng, -0.7, 0.3) > 0;
    }
    double[] sa = new double[rows];
    for (int row = 0; row < rows; row++) {
      double z = Draws.normal(rng);
      sa[row] = saMask[row] ? saBase * z : 0.0;
    }
    double[] saNoise = new double[rows];
    for (int row = 0; row < rows; row++) {
      double z = Draws.normal(rng);
      saNoise[row] = saMask[row] ? 0.30 * saBase * Math.max(z, 0.0) : 0.0;
    }

    boolean anyTerminal = false;
    for (boolean t : terminal) {
      anyTerminal |= t;
    }
    double stepReward;
    if (finalGoal) {
      stepReward = Math.min(Draws.normal(rng), 0.0) * 0.01;
    } else if (anyTerminal) {
      stepReward = Math.max(Draws.normal(rng), 0.0) * 0.01;
    } else {
      stepReward = 0.0;
    }

    // Raw reward per outcome (without the terminal rewards) and its expectation per row.
    double[] raw = new double[n];
    double[] rawRow = new double[rows];
    for (int s = 0; s < ns; s++) {
      for (int a = 0; a < na; a++) {
        int row = s * na + a;
        double e = 0;
        for (int k = rowStart[row], hi = rowStart[row + 1]; k < hi; k++) {
          int sp = next[k];
          raw[k] = phi[s] - phi[sp] + pos[sp] + sa[row] + stepReward;
          e += prob[k] * raw[k];
        }
        rawRow[row] = e;
      }
    }

    // Adjust the terminal rewards until pitfalls are worst and the last state is best.
    double[] term = new double[ns];
    term[ns - 1] = 1.0;
    int lastValid = finalGoal ? ns - 2 : ns - 1;
    double[] r = new double[rows];
    SparseModel model = new SparseModel(ns, na, rowStart, next, prob, terminates, r);
    int[] warm = null;
    boolean fixed = false;
    for (int round = 0; round < ADJUST_ROUNDS; round++) {
      for (int row = 0; row < rows; row++) {
        double e = rawRow[row];
        for (int k = rowStart[row], hi = rowStart[row + 1]; k < hi; k++) {
          e += prob[k] * term[next[k]];
        }
        r[row] = e;
      }
      QTable q = PolicyIteration.solve(model, ADJUST_GAMMA, warm);
      warm = greedy(q);
      double[] v = q.v();
      double minTerm = Double.POSITIVE_INFINITY;
      double minNonTerminal = Double.POSITIVE_INFINITY;
      double maxStart = Double.NEGATIVE_INFINITY;
      for (int s = 0; s < ns; s++) {
        minTerm = Math.min(minTerm, term[s]);
        if (!terminal[s]) {
          minNonTerminal = Math.min(minNonTerminal, v[s]);
        }
        if (start[s] > 0) {
          maxStart = Math.max(maxStart, v[s]);
        }
      }
      double pitGain = minTerm - minNonTerminal + 1.0;
      double goalFall = maxStart - v[lastValid] + Draws.uniform(rng, 2.0, 5.0);
      if (pitGain <= 0 && goalFall <= 0) {
        fixed = true;
        break;
      }
      if (pitGain > 0) {
        double drop = pitGain + Draws.uniform(rng, 1.0, 10.0);
        for (int s = 0; s < ns; s++) {
          if (terminal[s] && !(finalGoal && s == ns - 1)) {
            term[s] -= drop;
          }
        }
      }
      if (goalFall > 0) {
        double dv = Math.max(2.0 * goalFall, Draws.uniform(rng, 1.0, 10.0));
        term[ns - 1] += finalGoal ? dv : (1.0 - ADJUST_GAMMA) * dv;
      }
    }
    if (!fixed) {
      return null;
    }

    double[] mean = new double[n];
    double[] std = new double[n];
    for (int s = 0; s < ns; s++) {
      for (int a = 0; a < na; a++) {
        int row = s * na + a;
        for (int k = rowStart[row], hi = rowStart[row + 1]; k < hi; k++) {
          int sp = next[k];
          mean[k] = raw[k] + term[sp];
          std[k] = posNoise[sp] + saNoise[row];
        }
      }
    }
    StateKind[] kinds = new StateKind[ns];
    for (int s = 0; s < ns; s++) {
      kinds[s] = !terminal[s] ? StateKind.NORMAL
          : (finalGoal && s == ns - 1 ? StateKind.GOAL : StateKind.PITFALL);
    }
    return new CandidateMdp(ns, na, rowStart, next, prob, mean, std, terminates, kinds, start,
        term);
  }

  private static int[] greedy(QTable q) {
    int[] pi = new int[q.states()];
    for (int s = 0; s < pi.length; s++) {
      pi[s] = q.greedyAction(s);
    }
    return pi;
  }

  private static double std(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
    }
    return Math.sqrt(var / x.length);
  }

  /** Growable outcome arrays; rows are pruned, normalized and sorted as they are added. */
  private static final class Outcomes {
    int[] next;
    double[] prob;
    int size;
    private int[] idx = new int[16];

    Outcomes(int capacity) {
      next = new int[capacity];
      prob = new double[capacity];
    }

    /**
     * Appends the row {@code w[off .. off + width)} over states {@code first ..}: normalized,
     * pruned below {@link #PRUNE}, renormalized, in decreasing probability (ties: lower state
     * first). False when the row has no mass.
     */
    boolean addRow(double[] w, int off, int width, int first) {
      double sum = 0;
      for (int j = 0; j < width; j++) {
        sum += w[off + j];
      }
      if (!(sum > 0) || !Double.isFinite(sum)) {
        return false;
      }
      if (idx.length < width) {
        idx = new int[Math.max(width, idx.length * 2)];
      }
      int m = 0;
      double keptSum = 0;
      for (int j = 0; j < width; j++) {
        double p = w[off + j] / sum;
        if (p >= PRUNE) {
          w[off + j] = p;
          idx[m++] = j;
          keptSum += p;
        }
      }
      // Insertion sort by decreasing probability; equal probabilities keep increasing state order.
      for (int i = 1; i < m; i++) {
        int j = idx[i];
        double p = w[off + j];
        int t = i - 1;
        while (t >= 0 && w[off + idx[t]] < p) {
          idx[t + 1] = idx[t];
          t--;
        }
        idx[t + 1] = j;
      }
      if (size + m > next.length) {
        int cap = Math.max(size + m, next.length * 2);
        next = Arrays.copyOf(next, cap);
        prob = Arrays.copyOf(prob, cap);
      }
      for (int i = 0; i < m; i++) {
        int j = idx[i];
        next[size] = first + j;
        prob[size] = w[off + j] / keptSum;
        size++;
      }
      return true;
    }
  }
}
