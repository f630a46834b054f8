package io.icrl.eval.task;

/**
 * The two returns a normalized score is built from.
 *
 * @param optimal R_opt, the expected return of the optimal policy within the step limit
 * @param random R_random, the expected return of the uniformly random policy
 * @param source where the numbers come from: {@code exact} (finite-horizon solver on the task's
 *     MDP), {@code estimated} (sampling, see {@link ReferenceReturns}) or {@code configured}
 */
public record References(double optimal, double random, String source) {
  /** Denominators below this count as a degenerate task. */
  public static final double DEGENERATE = 1e-9;

  /**
   * The normalized score of one episode's return: {@code (R - R_random) / (R_opt - R_random)}, not
   * clipped, so that its expectation is 1 for the optimal policy and 0 for the random one (a lucky
   * episode scores above 1, one worse than random below 0). On a degenerate task ({@code R_opt -
   * R_random < 1e-9}, every policy is about as good as random) the score is 1 when {@code R >=
   * R_opt} and 0 otherwise.
   */
  public double score(double ret) {
    double span = optimal - random;
    if (span < DEGENERATE) {
      return ret >= optimal - DEGENERATE ? 1.0 : 0.0;
    }
    return (ret - random) / span;
  }
}
