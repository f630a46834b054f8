package io.icrl.cluster.run;

import com.typesafe.config.Config;
import io.icrl.cluster.job.UnitExecutor;
import io.icrl.cluster.job.UnitResult;
import io.icrl.cluster.job.WorkUnit;
import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.learner.train.LearnerMetrics;
import io.icrl.learner.train.StepMetrics;
import io.icrl.learner.train.Trainer;
import io.icrl.synth.format.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the training unit of a run (job kind {@value #KIND}) on a learner node: the learner's
 * {@link Trainer} on the run's dataset ({@code RUN/data}, verified) into {@code RUN/train}. An
 * existing checkpoint is resumed exactly; one that already reached the step budget returns at once.
 * Progress goes to the log every {@code train.log-every} steps and to the learner metrics.
 */
public final class TrainUnitExecutor implements UnitExecutor {
  /** The job kind. */
  public static final String KIND = "train";
  private static final Logger LOG = LoggerFactory.getLogger(TrainUnitExecutor.class);

  private final IcrlMetrics metrics;

  public TrainUnitExecutor(IcrlMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public UnitResult execute(WorkUnit unit) throws Exception {
    Config c = RunPayload.parse(unit.payload());
    RunSettings run = RunSettings.from(c);
    LearnerSettings s = LearnerSettings.from(c);
    long steps = run.trainSteps() > 0 ? run.trainSteps() : s.train().steps();
    Path out = run.trainDir();
    Optional<Path> existing = Checkpoint.locate(out);
    if (existing.isPresent()) {
      long done = Checkpoint.readState(existing.get()).step();
      if (done >= steps) {
        LOG.info("train: checkpoint {} is at step {} of {}; nothing to do", existing.get(), done,
            steps);
        return new UnitResult(0, 0, List.of("train/" + Checkpoint.DIR), "step " + done);
      }
      LOG.info("train: resuming {} at step {} of {}", existing.get(), done, steps);
    }
    try (Dataset data = Dataset.open(run.dataDir())) {
      LOG.info("train: preset {}, {} layers x {}, window {}, batch {}, {} steps on {} sequences"
          + " ({} rows)", s.preset(), s.model().layers(), s.model().dModel(), s.train().window(),
          s.train().batch(), steps, data.sequenceCount(), data.manifest().rows());
      Trainer.Summary sum = new Trainer(s, LearnerSettings.rawConfig(c), data, out,
          new Listener(metrics, steps, s.train().logEvery())).run(steps, existing.isPresent());
      StepMetrics last = sum.last();
      LOG.info("train: steps {} -> {} in {} s ({} tokens/s){}", sum.startStep(), sum.endStep(),
          String.format("%.1f", sum.seconds()), String.format("%,.0f", sum.meanTokensPerSecond()),
          last == null ? "" : String.format(", loss %.4f, accuracy %.3f", last.loss(),
              last.accuracy()));
      return new UnitResult(sum.endStep() - sum.startStep(), 0,
          List.of("train/" + Checkpoint.DIR), "step " + sum.endStep());
    }
  }

  /** Learner metrics to Prometheus and a log line every {@code every} steps. */
  private record Listener(IcrlMetrics metrics, long total, int every) implements LearnerMetrics {
    @Override
    public void onStep(StepMetrics m) {
      metrics.learnerStep().set(m.step());
      metrics.learnerLoss().labelValues("train").set(m.loss());
      metrics.learnerTokens().inc(m.tokens());
      metrics.learnerTokensPerSecond().set(m.tokensPerSecond());
      if (m.step() % every == 0 || m.step() == total) {
        LOG.info(String.format("train: step %d/%d loss %.4f acc %.3f lr %.2e %,.0f tok/s",
            m.step(), total, m.loss(), m.accuracy(), m.learningRate(), m.tokensPerSecond()));
      }
    }
  }
}
