package io.icrl.learner.bench;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.data.InMemoryWindowSource;
import io.icrl.learner.data.SyntheticRollouts;
import io.icrl.learner.model.Devices;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.train.Batch;
import io.icrl.learner.train.BatchSampler;
import io.icrl.learner.train.LrSchedule;
import io.icrl.learner.train.TrainStep;

/**
 * Training throughput: full optimizer steps (batch sampling, forward, backward, AdamW) of the
 * configured preset on synthetic rollouts, after a few warmup steps.
 */
public final class TrainBench {
  private TrainBench() {}

  /** Measured numbers. */
  public record Result(String device, int threads, int layers, int dModel, int window, int batch,
      long parameters, int steps, double seconds, double tokensPerSecond, double peakMiB) {}

  public static Result run(LearnerSettings s) {
    BenchSettings b = s.bench();
    Devices.configureThreads(b.threads());
    Device device = Devices.choose(s.device());
    DataType compute = Devices.computeType(s.precision(), device);
    int states = Math.min(16, s.model().stateVocab());
    int actions = Math.min(4, s.model().actionVocab());
    InMemoryWindowSource data = SyntheticRollouts.generate(new SyntheticRollouts.Spec(32,
        Math.max(2048, 2 * s.train().window()), states, actions, 24, s.seed()));
    try (LearnerModel model = LearnerModel.create(s.model(), s.seed(), device, compute);
        TrainStep step = new TrainStep(model, s.train(), s.loss())) {
      BatchSampler sampler = new BatchSampler(data, s.model(), s.loss(), s.train().batch(),
          s.train().window(), s.seed(), s.train().permute());
      LrSchedule lr = new LrSchedule(s.train());
      Batch batch = sampler.newBatch();
      for (int i = 0; i < b.warmupSteps(); i++) {
        sampler.fill(i, batch);
        step.run(batch, lr.at(i));
      }
      long tokens = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < b.trainSteps(); i++) {
        sampler.fill(b.warmupSteps() + i, batch);
        step.run(batch, lr.at(b.warmupSteps() + i));
        tokens += batch.realTokens;
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      return new Result(device.toString(), b.threads(), s.model().layers(), s.model().dModel(),
          s.train().window(), s.train().batch(), model.parameterCount(), b.trainSteps(), secs,
          tokens / secs, PeakMemory.residentMiB());
    }
  }
}
