package io.icrl.learner.train;

import java.nio.file.Path;

/**
 * Receives training metrics; the cluster binds it to Prometheus, the CLI to a progress bar. Called
 * on the training thread; implementations should return quickly.
 */
public interface LearnerMetrics {
  /** After every step. */
  void onStep(StepMetrics m);

  /** After a checkpoint was written. */
  default void onCheckpoint(long step, Path dir) {}

  /** A listener that ignores everything. */
  LearnerMetrics NONE = m -> {};

  /** A listener that forwards to both. */
  static LearnerMetrics both(LearnerMetrics a, LearnerMetrics b) {
    return new LearnerMetrics() {
      @Override
      public void onStep(StepMetrics m) {
        a.onStep(m);
        b.onStep(m);
      }

      @Override
      public void onCheckpoint(long step, Path dir) {
        a.onCheckpoint(step, dir);
        b.onCheckpoint(step, dir);
      }
    };
  }
}
