package io.icrl.cluster.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.learner.train.StepMetrics;
import org.junit.jupiter.api.Test;

class TrainStepMetricsTest {
  private static StepMetrics step(long s, boolean recomputed, boolean skipped) {
    return new StepMetrics(s, 1.5, 1.0, 2.0, 0.1, 0.5, 1e-3, 2.0, 1000.0, 8192, recomputed,
        skipped);
  }

  @Test
  void trainStepsSetTheLearnerFamiliesAndCountBadGradientsByOutcome() {
    IcrlMetrics metrics = IcrlMetrics.create();
    metrics.onTrainStep(step(1, false, false));
    metrics.onTrainStep(step(2, true, false));
    metrics.onTrainStep(step(3, true, true));
    metrics.onTrainStep(step(4, false, true));
    metrics.onTrainStep(step(5, true, false));
    String text = MetricsText.render(metrics);
    assertEquals(5.0, MetricsText.value(text, "icrl_learner_step"));
    assertEquals(5 * 8192.0, MetricsText.value(text, "icrl_learner_tokens_total"));
    assertEquals(2.0, MetricsText.value(text,
        "icrl_learner_bad_gradients_total{outcome=\"recomputed\"}"));
    assertEquals(2.0, MetricsText.value(text,
        "icrl_learner_bad_gradients_total{outcome=\"skipped\"}"));
  }
}
