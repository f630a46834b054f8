package io.icrl.learner.train;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.icrl.core.BuildInfo;
import io.icrl.core.InvalidInputException;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.learner.checkpoint.CheckpointState;
import io.icrl.learner.checkpoint.DataPhase;
import io.icrl.learner.checkpoint.RunManifest;
import io.icrl.learner.data.ConcatWindowSource;
import io.icrl.learner.model.Devices;
import io.icrl.learner.model.LearnerModel;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.WindowSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model on a {@link WindowSource} into a run directory: manifest, metrics log and
 * checkpoints every {@code checkpoint-every} steps and at the end. With {@code resume}, continues
 * from the run's checkpoint exactly where it stopped (same batches, same optimizer state). With a
 * {@link DataRefresh}, the data may change between steps (then a resume continues the weights and
 * optimizer exactly, but the batches depend on what data had arrived when).
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
  private final LearnerSettings settings;
  private final Map<String, Object> rawConfig;
  private final WindowSource source;
  private final Path run;
  private final LearnerMetrics listener;
  private final DataRefresh refresh;

  public Trainer(LearnerSettings settings, Map<String, Object> rawConfig, WindowSource source,
      Path run, LearnerMetrics listener) {
    this(settings, rawConfig, source, run, listener, null);
  }

  /**
   * A trainer whose data may change between steps: before every step {@code refresh} may swap in
   * another source (see {@link DataRefresh}); {@code source} is the first one. With a null
   * refresh this is the plain trainer.
   */
  public Trainer(LearnerSettings settings, Map<String, Object> rawConfig, WindowSource source,
      Path run, LearnerMetrics listener, DataRefresh refresh) {
    this.settings = settings;
    this.rawConfig = rawConfig;
    this.source = source;
    this.run = run;
    this.listener = listener;
    this.refresh = refresh;
  }

  /** What a run did. */
  public record Summary(long startStep, long endStep, long parameters, String device,
      StepMetrics last, double meanTokensPerSecond, double seconds, Path checkpoint) {}

  /**
   * Trains until step {@code maxSteps} (the learning-rate schedule keeps its configured length).
   *
   * @param resume continue from the run's checkpoint (an error if there is none); without it, an
   *     existing checkpoint is an error
   */
  public Summary run(long maxSteps, boolean resume) throws IOException {
    return run(maxSteps, resume, false);
  }

  /**
   * Like {@link #run(long, boolean)}; with {@code growData}, a resumed run may go on with more data
   * than its checkpoint was trained on: the source's datasets must be the checkpoint's followed by
   * at least one more (for example the model's own play, written between two stretches). The
   * weights, optimizer state and learning-rate schedule continue exactly; from the resumed step on,
   * batches are drawn from the larger data, and the checkpoint records the new data phase.
   */
  public Summary run(long maxSteps, boolean resume, boolean growData) throws IOException {
    TrainSettings ts = settings.train();
    Optional<Path> existing = Checkpoint.locate(run);
    CheckpointState prior = null;
    if (resume) {
      Path dir = existing.orElseThrow(() -> new InvalidInputException("--resume: no checkpoint"
          + " in " + run + " (expected " + run.resolve(Checkpoint.DIR) + ")"));
      prior = Checkpoint.readState(dir);
      checkCompatible(prior, dir, growData);
    } else if (existing.isPresent()) {
      throw new InvalidInputException(run + " already holds a checkpoint (step "
          + Checkpoint.readState(existing.get()).step() + "); pass --resume to continue it or"
          + " choose another --out");
    }
    Files.createDirectories(run);
    Devices.configureThreads(settings.threads());
    Device device = Devices.choose(settings.device());
    DataType compute = Devices.computeType(settings.precision(), device);
    long start = prior == null ? 0 : prior.step();
    List<DataPhase> phases = dataPhases(prior, start);
    LearnerModel model = prior == null
        ? LearnerModel.create(settings.model(), settings.seed(), device, compute)
        : LearnerModel.load(settings.model(), existing.get().resolve(Checkpoint.PARAMS), device,
            compute);
    try (model;
        TrainStep step = new TrainStep(model, ts, settings.loss());
        MetricsLog log = new MetricsLog(run, start, ts.logEvery())) {
      if (prior != null) {
        Checkpoint.restoreOptimizer(existing.get(), step.optimizer());
      }
      RunManifest.write(run, rawConfig, settings.seed(), dataLocation(), source.datasetId(),
          source.trainingTasks().orElse(null), device.toString(), model.parameterCount(),
          prior == null ? null : prior.step(), refresh == null ? null : refresh.describe(),
          phases);
      WindowSource current = source;
      BatchSampler sampler = sampler(current);
      LrSchedule schedule = new LrSchedule(ts);
      LearnerMetrics out = LearnerMetrics.both(log, listener);
      Batch batch = sampler.newBatch();
      StepMetrics last = null;
      long tokens = 0;
      long t0 = System.nanoTime();
      Path ckpt = existing.orElse(null);
      int skipped = 0;
      int recomputed = 0;
      for (long s = start + 1; s <= maxSteps; s++) {
        long ts0 = System.nanoTime();
        if (refresh != null) {
          WindowSource next = refresh.before(s, current);
          if (next != current) {
            if (!Objects.equals(next.datasetId(), source.datasetId())) {
              throw new IllegalStateException("data refresh at step " + s + " changed the dataset"
                  + " id from " + source.datasetId() + " to " + next.datasetId());
            }
            current = next;
            sampler = sampler(current);
          }
        }
        sampler.fill(s - 1, batch);
        double lr = schedule.at(s - 1);
        TrainStep.Result r = step.run(batch, lr);
        if (r.recomputed()) {
          recomputed++;
          LOG.warn("step {}: gradient norm {} (suspect above {}) computed again on the same batch:"
              + " {}, {} ({} recomputed so far); non-finite first gradients: {}", s,
              r.firstGradNorm(), ts.suspectGradNorm(), r.gradNorm(),
              r.skipped() ? "still bad, step skipped" : "step taken", recomputed,
              r.firstNonFinite());
        }
        if (r.skipped()) {
          skipped++;
          LOG.warn("step {}: loss {} / gradient norm {} not finite or above {}; step skipped ({} in"
              + " a row); non-finite gradients: {}", s, r.loss(), r.gradNorm(),
              ts.suspectGradNorm(), skipped, step.optimizer().lastNonFiniteGradients());
          if (skipped > ts.maxSkippedSteps()) {
            throw new IllegalStateException("training diverged: " + skipped + " consecutive steps"
                + " up to step " + s + " had a non-finite loss or gradient (the last checkpoint"
                + " is intact; resume with a lower learning rate)");
          }
        } else {
          skipped = 0;
        }
        double secs = (System.nanoTime() - ts0) / 1e9;
        tokens += batch.realTokens;
        last = new StepMetrics(s, r.loss(), r.policy(), r.nextState(), r.reward(), r.accuracy(),
            lr, r.gradNorm(), batch.realTokens / secs, batch.realTokens, r.recomputed(),
            r.skipped());
        out.onStep(last);
        if (s % ts.checkpointEvery() == 0 || s == maxSteps) {
          ckpt = Checkpoint.write(run, model, step.optimizer(), state(s, model, phases));
          out.onCheckpoint(s, ckpt);
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Summary(start, Math.max(start, maxSteps), model.parameterCount(),
          device.toString(), last, seconds > 0 ? tokens / seconds : 0, seconds, ckpt);
    }
  }

  private BatchSampler sampler(WindowSource from) {
    TrainSettings ts = settings.train();
    return new BatchSampler(from, settings.model(), settings.loss(), ts.batch(), ts.window(),
        settings.seed(), ts.permute());
  }

  private CheckpointState state(long step, LearnerModel model, List<DataPhase> phases) {
    return new CheckpointState(Checkpoint.FORMAT_VERSION, step, settings.seed(), step,
        source.datasetId(), model.config(), trajectory(), BuildInfo.version(),
        BuildInfo.gitCommit(), Instant.now().toString(), source.trainingTasks().orElse(null),
        phases);
  }

  /** The prior run's data phases, plus one from {@code start} on if the data grew. */
  private List<DataPhase> dataPhases(CheckpointState prior, long start) {
    if (prior == null) {
      return List.of(new DataPhase(0, source.datasetId()));
    }
    if (prior.datasetId().equals(source.datasetId())) {
      return prior.dataPhases();
    }
    List<DataPhase> phases = new ArrayList<>(prior.dataPhases());
    if (phases.get(phases.size() - 1).fromStep() == start) {
      phases.remove(phases.size() - 1); // grown again before a step was taken on the last data
    }
    phases.add(new DataPhase(start, source.datasetId()));
    return phases;
  }

  /** Where the data came from: a dataset's directory, else the source's identity. */
  private String dataLocation() {
    if (source instanceof ConcatWindowSource c) {
      return c.parts().stream().map(Trainer::location).collect(Collectors.joining(","));
    }
    return location(source);
  }

  private static String location(WindowSource s) {
    return s instanceof Dataset d ? d.directory().toAbsolutePath().toString() : s.datasetId();
  }

  /** The settings that decide the sequence of losses; a resume must not change them. */
  private Map<String, Object> trajectory() {
    TrainSettings t = settings.train();
    LossWeights l = settings.loss();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seed", settings.seed());
    m.put("window", t.window());
    m.put("batch", t.batch());
    m.put("steps", t.steps());
    m.put("lr", t.lr());
    m.put("warmup-steps", t.warmupSteps());
    m.put("schedule", t.schedule());
    m.put("min-lr-ratio", t.minLrRatio());
    m.put("beta1", t.beta1());
    m.put("beta2", t.beta2());
    m.put("eps", t.eps());
    m.put("weight-decay", t.weightDecay());
    m.put("grad-clip", t.gradClip());
    m.put("permute", t.permute());
    m.put("loss-policy", l.policy());
    m.put("loss-next-state", l.nextState());
    m.put("loss-reward", l.reward());
    m.put("loss-ramp-steps", l.rampSteps());
    return m;
  }

  private void checkCompatible(CheckpointState prior, Path dir, boolean growData) {
    String diff = prior.model().differences(settings.model());
    if (!diff.isEmpty()) {
      throw new InvalidInputException("checkpoint " + dir + " holds a model of another shape ("
          + diff + ", checkpoint vs configured)");
    }
    boolean grown = DataPhase.isExtension(prior.datasetId(), source.datasetId());
    if (!Objects.equals(prior.datasetId(), source.datasetId()) && !(growData && grown)) {
      throw new InvalidInputException("checkpoint " + dir + " was trained on dataset "
          + prior.datasetId() + ", not on " + source.datasetId() + (grown
              ? " (its datasets plus more: pass --grow-data to go on with the larger data)"
              : growData ? " (--grow-data needs the checkpoint's datasets first, in the same"
                  + " order, then the added ones)" : ""));
    }
    List<String> changed = new ArrayList<>();
    Map<String, Object> now = trajectory();
    for (Map.Entry<String, Object> e : now.entrySet()) {
      Object before = prior.trajectory() == null ? null : prior.trajectory().get(e.getKey());
      if (before == null || !sameValue(before, e.getValue())) {
        changed.add(e.getKey() + " " + before + " -> " + e.getValue());
      }
    }
    if (!changed.isEmpty()) {
      throw new InvalidInputException("cannot resume " + dir + " exactly: settings changed ("
          + String.join(", ", changed) + ")");
    }
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a.equals(b);
  }
}
