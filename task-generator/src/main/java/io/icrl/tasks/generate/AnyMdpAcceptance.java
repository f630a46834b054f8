package io.icrl.tasks.generate;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.PolicyIteration;
import io.icrl.tasks.solve.QTable;
import io.icrl.tasks.solve.SparseModel;

/**
 * AnyMDP's acceptance checks (Xenoverse {@code solver.check_valuefunction}): a sampled MDP is kept
 * only when it is worth learning in context.
 *
 * <ol>
 *   <li><b>Optimal beats random.</b> With {@code gamma = 2^(-1/states)} (a half-life of {@code
 *       states} steps) and values scaled to average reward per episode, {@code (1 - gamma) *
 *       horizon * Q}, the best first action followed by the optimal policy must beat the best first
 *       action followed by the uniformly random policy by at least {@value #MIN_VALUE_GAP} from
 *       every start state.
 *   <li><b>The optimal policy spreads out.</b> Follow the optimal policy (terminal states jump back
 *       to the start distribution) for {@code 2^(floor(log2 horizon) + 1)} steps from each start
 *       state; the resulting state distribution must have Gini impurity above {@value #MIN_GINI}
 *       and entropy, normalized by {@code ln(states)}, above {@value #MIN_ENTROPY} (Python adds
 *       1e-12 to every probability first; so do we).
 * </ol>
 *
 * <p>Values are exact ({@link PolicyIteration}). The long-run distribution is computed by repeated
 * vector-matrix products, stopping early once a step changes it by less than 1e-12 in L1 (a
 * stochastic matrix never enlarges that change, so the remaining steps can move it by at most 1e-8
 * in total). A single-state bandit has no checks.
 */
public final class AnyMdpAcceptance {
  public static final double MIN_VALUE_GAP = 2.0;
  public static final double MIN_GINI = 0.70;
  public static final double MIN_ENTROPY = 0.35;

  private static final double SAFETY = 1e-12;
  private static final double CONVERGED_L1 = 1e-12;

  private AnyMdpAcceptance() {}

  /**
   * The outcome of the checks: whether accepted, why (the first failed check, or a summary), and
   * the measured numbers ({@code NaN} where not computed).
   */
  public record Verdict(boolean accepted, String reason, double valueGap, double gini,
      double entropy) {}

  /** Checks with the MDP's step limit as the horizon. */
  public static Verdict check(TabularMdp mdp) {
    return check(mdp, mdp.maxEpisodeSteps());
  }

  /**
   * Checks with an explicit horizon (AnyMDP draws a real-valued step limit; the MDP stores its
   * ceiling). Terminal states are those whose {@link TabularMdp#isTerminal kind} is a goal or
   * pitfall.
   */
  public static Verdict check(TabularMdp mdp, double horizon) {
    boolean[] terminal = new boolean[mdp.states()];
    for (int s = 0; s < terminal.length; s++) {
      terminal[s] = mdp.isTerminal(s);
    }
    return check(SparseModel.of(mdp), mdp.startDistribution(), terminal, horizon);
  }

  static Verdict check(SparseModel m, double[] start, boolean[] terminal, double horizon) {
    int nS = m.states();
    int nA = m.actions();
    if (!(horizon >= 1) || horizon == Double.POSITIVE_INFINITY) {
      throw new InvalidInputException("AnyMDP acceptance needs a finite horizon >= 1, got "
          + horizon);
    }
    if (nS == 1) {
      return new Verdict(true, "single-state bandit: no acceptance checks", Double.NaN,
          Double.NaN, Double.NaN);
    }
    double gamma = StrictMath.pow(2.0, -1.0 / nS);
    double scale = (1.0 - gamma) * horizon;
    QTable opt = PolicyIteration.solve(m, gamma);
    double[] vRandom = PolicyIteration.evaluateUniform(m, gamma);
    double[] qRandom = new double[nS * nA];
    PolicyIteration.backup(m, gamma, vRandom, qRandom);

    double gap = Double.POSITIVE_INFINITY;
    int gapState = -1;
    for (int s = 0; s < nS; s++) {
      if (start[s] > 0) {
        double g = scale * (opt.v()[s] - max(qRandom, s * nA, nA));
        if (g < gap) {
          gap = g;
          gapState = s;
        }
      }
    }
    if (gap < MIN_VALUE_GAP) {
      return new Verdict(false, "value gap " + round(gap) + " at start state " + gapState
          + " is below " + MIN_VALUE_GAP + ": the optimal policy does not beat the random one by"
          + " the margin", gap, Double.NaN, Double.NaN);
    }

    double[] spread = longRunSpread(m, opt.q(), start, terminal, horizon);
    double gini = spread[0];
    double entropy = spread[1];
    if (!(gini > MIN_GINI)) {
      return new Verdict(false, "Gini impurity " + round(gini) + " of the optimal policy's long-run"
          + " state distribution is not above " + MIN_GINI + ": it concentrates on too few states",
          gap, gini, entropy);
    }
    if (!(entropy > MIN_ENTROPY)) {
      return new Verdict(false, "normalized entropy " + round(entropy) + " of the optimal policy's"
          + " long-run state distribution is not above " + MIN_ENTROPY, gap, gini, entropy);
    }
    return new Verdict(true, "accepted: value gap " + round(gap) + ", Gini " + round(gini)
        + ", entropy " + round(entropy), gap, gini, entropy);
  }

  /** {min Gini, min normalized entropy} over the start states. */
  private static double[] longRunSpread(SparseModel m, double[] qOpt, double[] start,
      boolean[] terminal, double horizon) {
    int nS = m.states();
    int nA = m.actions();
    // The optimal policy's chain, terminal states (and terminating outcomes) restarting.
    int[] startStates = nonZero(start);
    int[] rowStart = new int[nS + 1];
    int cap = m.outcomeCount() / Math.max(1, nA) + nS * startStates.length + 16;
    int[] next = new int[cap];
    double[] prob = new double[cap];
    int size = 0;
    for (int s = 0; s < nS; s++) {
      rowStart[s] = size;
      if (terminal[s]) {
        for (int s0 : startStates) {
          if (size == next.length) {
            next = java.util.Arrays.copyOf(next, size * 2);
            prob = java.util.Arrays.copyOf(prob, size * 2);
          }
          next[size] = s0;
          prob[size++] = start[s0];
        }
        continue;
      }
      int row = s * nA + argmax(qOpt, s * nA, nA);
      for (int k = m.rowStart(row), hi = m.rowEnd(row); k < hi; k++) {
        int sp = m.next(k);
        boolean restart = m.terminates(k) && !terminal[sp];
        int needed = restart ? startStates.length : 1;
        if (size + needed > next.length) {
          next = java.util.Arrays.copyOf(next, (size + needed) * 2);
          prob = java.util.Arrays.copyOf(prob, (size + needed) * 2);
        }
        if (restart) {
          for (int s0 : startStates) {
            next[size] = s0;
            prob[size++] = m.prob(k) * start[s0];
          }
        } else {
          next[size] = sp;
          prob[size++] = m.prob(k);
        }
      }
    }
    rowStart[nS] = size;

    long h = (long) Math.floor(horizon);
    int k = 63 - Long.numberOfLeadingZeros(h) + 1;
    long steps = 1L << k;
    // One column per start state: v[s * m + i] is the probability of s after t steps from start i.
    int c = startStates.length;
    double[] v = new double[nS * c];
    double[] w = new double[nS * c];
    for (int i = 0; i < c; i++) {
      v[startStates[i] * c + i] = 1;
    }
    for (long t = 0; t < steps; t++) {
      java.util.Arrays.fill(w, 0);
      for (int s = 0; s < nS; s++) {
        int sb = s * c;
        for (int j = rowStart[s], hi = rowStart[s + 1]; j < hi; j++) {
          int nb = next[j] * c;
          double p = prob[j];
          for (int i = 0; i < c; i++) {
            w[nb + i] += v[sb + i] * p;
          }
        }
      }
      double change = 0;
      for (int x = 0; x < w.length; x++) {
        change = Math.max(change, Math.abs(w[x] - v[x]));
      }
      double[] tmp = v;
      v = w;
      w = tmp;
      if (change * nS < CONVERGED_L1) {
        break;
      }
    }
    double logN = StrictMath.log(nS);
    double minGini = Double.POSITIVE_INFINITY;
    double minEntropy = Double.POSITIVE_INFINITY;
    for (int i = 0; i < c; i++) {
      double sq = 0;
      double ent = 0;
      for (int s = 0; s < nS; s++) {
        double p = v[s * c + i] + SAFETY;
        sq += p * p;
        ent -= p * StrictMath.log(p);
      }
      minGini = Math.min(minGini, 1.0 - sq);
      minEntropy = Math.min(minEntropy, ent / logN);
    }
    return new double[] {minGini, minEntropy};
  }

  private static double round(double x) {
    return Math.round(x * 1e4) / 1e4;
  }

  private static int[] nonZero(double[] start) {
    int n = 0;
    for (double p : start) {
      n += p > 0 ? 1 : 0;
    }
    int[] out = new int[n];
    int i = 0;
    for (int s = 0; s < start.length; s++) {
      if (start[s] > 0) {
        out[i++] = s;
      }
    }
    return out;
  }

  private static int argmax(double[] x, int base, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (x[base + i] > x[base + best]) {
        best = i;
      }
    }
    return best;
  }

  private static double max(double[] x, int base, int n) {
    return x[base + argmax(x, base, n)];
  }
}
