package io.icrl.learner.train;

/**
 * Weights of the three losses and the positional ramp ({@code icrl.learner.loss}).
 *
 * @param rampSteps position t of a window is weighted {@code min(1, (t + 1) / rampSteps)}
 */
public record LossWeights(double policy, double nextState, double reward, int rampSteps) {
  /** The loss weight of window position {@code t}. */
  public float ramp(int t) {
    return Math.min(1f, (t + 1) / (float) rampSteps);
  }
}
