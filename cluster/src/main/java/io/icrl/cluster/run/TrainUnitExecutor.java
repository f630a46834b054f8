package io.icrl.cluster.run;

import com.typesafe.config.Config;
import io.icrl.cluster.job.UnitExecutor;
import io.icrl.cluster.job.UnitResult;
import io.icrl.cluster.job.WorkUnit;
import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.learner.train.DataRefresh;
import io.icrl.learner.train.LearnerMetrics;
import io.icrl.learner.train.StepMetrics;
import io.icrl.learner.train.Trainer;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.WindowSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the training unit of a run (job kind {@value #KIND}) on a learner node: the learner's
 * {@link Trainer} on the run's dataset ({@code RUN/data}) into {@code RUN/train}. An existing
 * checkpoint is resumed; one that already reached the step budget returns at once. Progress goes
 * to the log every {@code train.log-every} steps and to the learner metrics.
 *
 * <p>With {@code icrl.cluster.run.overlap = off} the data is the complete dataset (verified) and a
 * resume is exact. With {@code overlap = on} it is a {@link RefreshingPool} of the most recent
 * shards, refreshed before every step while synthesis still streams shards in (not
 * bit-reproducible; a resume rebuilds the pool from the shards on disk). With {@code eval-every},
 * checkpoints of multiples of it are copied and their evaluation submitted ({@link
 * CheckpointSnapshots}).
 */
public final class TrainUnitExecutor implements UnitExecutor {
  /** The job kind. */
  public static final String KIND = "train";
  private static final Logger LOG = LoggerFactory.getLogger(TrainUnitExecutor.class);

  private final IcrlMetrics metrics;
  private final JobSubmitter submitter;

  /** An executor that cannot submit snapshot evaluations (they are copied, and logged). */
  public TrainUnitExecutor(IcrlMetrics metrics) {
    this(metrics, null);
  }

  /**
   * An executor that submits the evaluation jobs of its snapshots with {@code submitter}.
   */
  public TrainUnitExecutor(IcrlMetrics metrics, JobSubmitter submitter) {
    this.metrics = metrics;
    this.submitter = submitter;
  }

  @Override
  public UnitResult execute(WorkUnit unit) throws Exception {
    Config c = RunPayload.parse(unit.payload());
    RunSettings run = RunSettings.from(c);
    LearnerSettings s = LearnerSettings.from(c);
    long steps = run.trainSteps() > 0 ? run.trainSteps() : s.train().steps();
    Path out = run.trainDir();
    CheckpointSnapshots snapshots = snapshots(c, run);
    Optional<Path> existing = Checkpoint.locate(out);
    if (snapshots != null) {
      snapshots.catchUp(existing);
    }
    if (existing.isPresent()) {
      long done = Checkpoint.readState(existing.get()).step();
      if (done >= steps) {
        LOG.info("train: checkpoint {} is at step {} of {}; nothing to do", existing.get(), done,
            steps);
        return new UnitResult(0, 0, List.of("train/" + Checkpoint.DIR), "step " + done);
      }
      LOG.info("train: resuming {} at step {} of {}", existing.get(), done, steps);
    }
    RefreshingPool pool = null;
    WindowSource data;
    if (run.overlap()) {
      pool = RefreshingPool.open(run.dataDir(), run.poolMinShards(), run.poolMaxShards(),
          metrics, out.resolve(RefreshingPool.LOG));
      data = pool.source();
      LOG.info("train: refreshing pool of shards {} (at most {}; dataset {})", pool.shards(),
          run.poolMaxShards() == 0 ? "unbounded" : run.poolMaxShards(),
          pool.datasetComplete() ? "complete" : "still being synthesized");
    } else {
      data = Dataset.open(run.dataDir());
    }
    try (WindowSource closing = data) {
      LOG.info("train: preset {}, {} layers x {}, window {}, batch {}, {} steps on {} sequences",
          s.preset(), s.model().layers(), s.model().dModel(), s.train().window(),
          s.train().batch(), steps, data.sequenceCount());
      DataRefresh refresh = pool;
      Trainer.Summary sum = new Trainer(s, LearnerSettings.rawConfig(c), data, out,
          new Listener(metrics, steps, s.train().logEvery(), snapshots), refresh)
          .run(steps, existing.isPresent());
      StepMetrics last = sum.last();
      LOG.info("train: steps {} -> {} in {} s ({} tokens/s){}", sum.startStep(), sum.endStep(),
          String.format("%.1f", sum.seconds()), String.format("%,.0f", sum.meanTokensPerSecond()),
          last == null ? "" : String.format(", loss %.4f, accuracy %.3f", last.loss(),
              last.accuracy()));
      return new UnitResult(sum.endStep() - sum.startStep(), 0,
          List.of("train/" + Checkpoint.DIR), "step " + sum.endStep());
    }
  }

  /** The snapshot handling of this run, or null when it evaluates the final checkpoint only. */
  private CheckpointSnapshots snapshots(Config c, RunSettings run) {
    if (!run.evaluatesSnapshots() || !c.hasPath(RunPayload.EVAL_PAYLOAD)) {
      return null;
    }
    JobSubmitter to = submitter != null ? submitter : spec -> LOG.warn("train: this learner"
        + " cannot submit jobs; evaluation of {} not submitted", spec.jobId());
    return new CheckpointSnapshots(run, c.getString(RunPayload.EVAL_PAYLOAD), to);
  }

  /**
   * Learner metrics to Prometheus, a log line every {@code every} steps, snapshots of the
   * checkpoints to evaluate.
   */
  private record Listener(IcrlMetrics metrics, long total, int every,
      CheckpointSnapshots snapshots) implements LearnerMetrics {
    @Override
    public void onStep(StepMetrics m) {
      metrics.onTrainStep(m);
      if (m.step() % every == 0 || m.step() == total) {
        LOG.info(String.format("train: step %d/%d loss %.4f acc %.3f lr %.2e %,.0f tok/s",
            m.step(), total, m.loss(), m.accuracy(), m.learningRate(), m.tokensPerSecond()));
      }
    }

    @Override
    public void onCheckpoint(long step, Path dir) {
      if (snapshots == null) {
        return;
      }
      try {
        snapshots.onCheckpoint(step, dir);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("snapshot of the checkpoint of step " + step + " failed: "
            + e.getMessage(), e);
      }
    }
  }
}
