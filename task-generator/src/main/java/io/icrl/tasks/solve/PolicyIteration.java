package io.icrl.tasks.solve;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;

/**
 * Exact discounted solver: policy iteration whose policy evaluation solves {@code (I - gamma
 * P_pi) v = r_pi} directly ({@link DenseLinearSystem}). It reaches the same fixed point as {@link
 * ValueIteration} (terminating transitions contribute their reward and no continuation value) but in
 * a handful of linear solves, whatever the discount: value iteration needs on the order of {@code
 * 1 / (1 - gamma)} sweeps, which is slow for the discounts close to one that AnyMDP and the
 * reference policies use.
 *
 * <p>A state switches action only when another action improves its value by more than {@link
 * #SWITCH_TOLERANCE} (relative), so the iteration always terminates. Everything is deterministic:
 * the same model gives bit-identical results on every machine.
 */
public final class PolicyIteration {
  /** Relative improvement an action needs before policy iteration switches to it. */
  public static final double SWITCH_TOLERANCE = 1e-11;

  private static final int MAX_ITERATIONS = 10_000;

  private PolicyIteration() {}

  public static QTable solve(TabularMdp mdp, double gamma) {
    return solve(SparseModel.of(mdp), gamma, null);
  }

  public static QTable solve(SparseModel m, double gamma) {
    return solve(m, gamma, null);
  }

  /**
   * Solves from a starting policy ({@code null}: greedy in the immediate reward). A good start, such
   * as the solution for a nearby discount or reward, saves iterations.
   */
  public static QTable solve(SparseModel m, double gamma, int[] initialPolicy) {
    checkGamma(gamma);
    int nS = m.states;
    int nA = m.actions;
    int[] policy;
    if (initialPolicy == null) {
      policy = new int[nS];
      for (int s = 0; s < nS; s++) {
        policy[s] = argmax(m.reward, s * nA, nA);
      }
    } else {
      if (initialPolicy.length != nS) {
        throw new InvalidInputException("initial policy has " + initialPolicy.length
            + " entries for " + nS + " states");
      }
      policy = initialPolicy.clone();
    }
    double[] q = new double[nS * nA];
    double[] v;
    if (gamma == 0) {
      System.arraycopy(m.reward, 0, q, 0, q.length);
      return new QTable(nS, nA, gamma, q, maxPerState(q, nS, nA), 1);
    }
    double[] work = new double[nS * nS];
    int it = 0;
    while (true) {
      it++;
      v = evaluate(m, gamma, policy, work);
      backup(m, gamma, v, q);
      boolean changed = false;
      for (int s = 0; s < nS; s++) {
        int base = s * nA;
        double current = q[base + policy[s]];
        int best = argmax(q, base, nA);
        if (q[base + best] > current + SWITCH_TOLERANCE * (1 + Math.abs(current))) {
          policy[s] = best;
          changed = true;
        }
      }
      if (!changed || it >= MAX_ITERATIONS) {
        break;
      }
    }
    return new QTable(nS, nA, gamma, q, maxPerState(q, nS, nA), it);
  }

  /** State values of a deterministic policy: the solution of {@code v = r_pi + gamma P_pi v}. */
  public static double[] evaluate(SparseModel m, double gamma, int[] policy) {
    checkGamma(gamma);
    if (policy.length != m.states) {
      throw new InvalidInputException("policy has " + policy.length + " entries for " + m.states
          + " states");
    }
    return evaluate(m, gamma, policy, new double[m.states * m.states]);
  }

  /** State values of the uniformly random policy. */
  public static double[] evaluateUniform(SparseModel m, double gamma) {
    checkGamma(gamma);
    int nS = m.states;
    int nA = m.actions;
    double[] a = new double[nS * nS];
    double[] b = new double[nS];
    double w = 1.0 / nA;
    for (int s = 0; s < nS; s++) {
      int base = s * nS;
      a[base + s] = 1;
      double r = 0;
      for (int act = 0; act < nA; act++) {
        int row = s * nA + act;
        r += m.reward[row];
        for (int k = m.rowStart[row], hi = m.rowStart[row + 1]; k < hi; k++) {
          if (!m.terminates[k]) {
            a[base + m.next[k]] -= gamma * w * m.prob[k];
          }
        }
      }
      b[s] = r * w;
    }
    DenseLinearSystem.solveInPlace(a, b, nS);
    return b;
  }

  /** Action values {@code q = r + gamma P v} for state values {@code v}, written into {@code q}. */
  public static void backup(SparseModel m, double gamma, double[] v, double[] q) {
    int rows = m.states * m.actions;
    for (int row = 0; row < rows; row++) {
      double cont = 0;
      for (int k = m.rowStart[row], hi = m.rowStart[row + 1]; k < hi; k++) {
        if (!m.terminates[k]) {
          cont += m.prob[k] * v[m.next[k]];
        }
      }
      q[row] = m.reward[row] + gamma * cont;
    }
  }

  private static double[] evaluate(SparseModel m, double gamma, int[] policy, double[] a) {
    int nS = m.states;
    int nA = m.actions;
    java.util.Arrays.fill(a, 0.0);
    double[] b = new double[nS];
    for (int s = 0; s < nS; s++) {
      int base = s * nS;
      a[base + s] = 1;
      int row = s * nA + policy[s];
      for (int k = m.rowStart[row], hi = m.rowStart[row + 1]; k < hi; k++) {
        if (!m.terminates[k]) {
          a[base + m.next[k]] -= gamma * m.prob[k];
        }
      }
      b[s] = m.reward[row];
    }
    DenseLinearSystem.solveInPlace(a, b, nS);
    return b;
  }

  private static int argmax(double[] x, int base, int n) {
    int best = 0;
    double bestX = x[base];
    for (int i = 1; i < n; i++) {
      if (x[base + i] > bestX) {
        bestX = x[base + i];
        best = i;
      }
    }
    return best;
  }

  private static double[] maxPerState(double[] q, int nS, int nA) {
    double[] v = new double[nS];
    for (int s = 0; s < nS; s++) {
      v[s] = q[s * nA + argmax(q, s * nA, nA)];
    }
    return v;
  }

  private static void checkGamma(double gamma) {
    if (!(gamma >= 0 && gamma < 1)) {
      throw new InvalidInputException("discount gamma must be in [0, 1), got " + gamma);
    }
  }
}
