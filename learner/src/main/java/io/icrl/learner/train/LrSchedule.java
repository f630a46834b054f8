package io.icrl.learner.train;

/**
 * Learning rate per step (0-based): linear warmup over {@code warmupSteps}, then either cosine
 * decay to {@code minLrRatio * lr} at {@code steps} (constant afterwards), or Noam's inverse
 * square root decay.
 */
public final class LrSchedule {
  private final TrainSettings s;

  public LrSchedule(TrainSettings s) {
    this.s = s;
  }

  public double at(long step) {
    double lr = s.lr();
    int warm = s.warmupSteps();
    if (warm > 0 && step < warm) {
      return lr * (step + 1) / warm;
    }
    if (s.schedule().equals("noam")) {
      return warm == 0 ? lr : lr * Math.sqrt(warm / (double) (step + 1));
    }
    double span = Math.max(1, s.steps() - warm);
    double progress = Math.min(1.0, (step - warm) / span);
    double min = lr * s.minLrRatio();
    return min + (lr - min) * 0.5 * (1 + StrictMath.cos(Math.PI * progress));
  }
}
