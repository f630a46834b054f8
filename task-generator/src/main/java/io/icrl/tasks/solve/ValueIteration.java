package io.icrl.tasks.solve;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;

/**
 * Discounted value iteration over the infinite horizon (no step limit), in place (Gauss-Seidel),
 * until the largest change of a state value is below the tolerance. Terminating transitions
 * contribute their reward and no continuation value.
 *
 * <p>{@code gamma = 0} gives the greedy one-step policy; OmniRL's reference policies opt0..opt3 use
 * gamma 0, 0.5, 0.93 and 0.994.
 */
public final class ValueIteration {
  /** Default convergence tolerance on state values. */
  public static final double DEFAULT_TOLERANCE = 1e-10;

  private ValueIteration() {}

  public static QTable solve(TabularMdp mdp, double gamma) {
    return solve(mdp, gamma, DEFAULT_TOLERANCE, 1_000_000);
  }

  public static QTable solve(TabularMdp mdp, double gamma, double tolerance, int maxIterations) {
    if (!(gamma >= 0 && gamma < 1)) {
      throw new InvalidInputException("discount gamma must be in [0, 1), got " + gamma
          + " (use FiniteHorizon for undiscounted returns)");
    }
    int nS = mdp.states();
    int nA = mdp.actions();
    double[] r = new double[nS * nA];
    for (int s = 0; s < nS; s++) {
      for (int a = 0; a < nA; a++) {
        r[s * nA + a] = mdp.expectedReward(s, a);
      }
    }
    double[] v = new double[nS];
    double[] q = new double[nS * nA];
    int it = 0;
    double delta = Double.POSITIVE_INFINITY;
    while (delta > tolerance && it < maxIterations) {
      delta = 0;
      for (int s = 0; s < nS; s++) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < nA; a++) {
          double qa = r[s * nA + a];
          if (gamma > 0) {
            double cont = 0;
            for (int k = mdp.outcomeStart(s, a), hi = mdp.outcomeEnd(s, a); k < hi; k++) {
              if (!mdp.terminates(k)) {
                cont += mdp.prob(k) * v[mdp.next(k)];
              }
            }
            qa += gamma * cont;
          }
          q[s * nA + a] = qa;
          if (qa > best) {
            best = qa;
          }
        }
        double d = Math.abs(best - v[s]);
        if (d > delta) {
          delta = d;
        }
        v[s] = best;
      }
      it++;
      if (gamma == 0) {
        break;
      }
    }
    return new QTable(nS, nA, gamma, q, v, it);
  }
}
