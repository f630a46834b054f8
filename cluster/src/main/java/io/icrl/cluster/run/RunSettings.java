package io.icrl.cluster.run;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code icrl.cluster.run} plus the job identity ({@code icrl.cluster.job.id}, {@code output-dir},
 * {@code max-attempts}) of an {@code icrl run}.
 *
 * @param id run id (job ids are {@code <id>-synth}, {@code <id>-train}, {@code <id>-eval})
 * @param dir the run directory (absolute)
 * @param maxAttempts attempts per unit
 * @param stages stages to run, in pipeline order
 * @param synthWorkers synthesis workers per synth node (0 = one per declared cpu)
 * @param trainSteps optimizer steps to train (0 = the learner's {@code train.steps})
 * @param evalModel {@code auto}, {@code on} or {@code off}
 * @param evalTasks task ids of the sweep
 * @param evalSuites suite names of the sweep
 * @param progressInterval how often the driver prints progress
 * @param overlap whether the learner trains on a bounded, refreshed pool of the most recent
 *     shards, starting (when synth is in the run) while synthesis still streams shards in, instead
 *     of on the complete dataset after synthesis
 * @param poolMinShards shards the learner must hold before overlapped training starts
 * @param poolMaxShards most shards of the overlapped training pool (0 = unbounded)
 * @param evalEvery evaluate the checkpoints whose step is a multiple of this (0 = final only)
 * @param evalEveryEpisodes episodes per run in the sweeps of those checkpoints (0 = {@code
 *     icrl.eval.episodes})
 * @param evalCheckpoint the model of the final sweep when it is not this run's own checkpoint (a
 *     training run or shipped model directory, absolute)
 */
public record RunSettings(String id, Path dir, int maxAttempts, List<String> stages,
    int synthWorkers, long trainSteps, String evalModel, List<String> evalTasks,
    List<String> evalSuites, Duration progressInterval, boolean overlap, int poolMinShards,
    int poolMaxShards, long evalEvery, int evalEveryEpisodes, Optional<Path> evalCheckpoint) {
  /** Pipeline stages in order. */
  public static final List<String> STAGES = List.of(Stage.SYNTH, Stage.TRAIN, Stage.EVAL);
  private static final String P = "icrl.cluster.run.";

  /** Stage names. */
  public static final class Stage {
    public static final String SYNTH = "synth";
    public static final String TRAIN = "train";
    public static final String EVAL = "eval";

    private Stage() {}
  }

  public RunSettings {
    stages = List.copyOf(stages);
    evalTasks = List.copyOf(evalTasks);
    evalSuites = List.copyOf(evalSuites);
  }

  /** Reads the settings; the run directory defaults to {@code runs/<id>}. */
  public static RunSettings from(Config c) {
    String id = Settings.string(c, "icrl.cluster.job.id");
    if (!id.matches("[A-Za-z0-9_.-]{1,90}")) {
      throw new InvalidInputException("setting icrl.cluster.job.id = '" + id + "': expected 1..90"
          + " letters, digits, '_', '-' or '.'");
    }
    String out = Settings.string(c, "icrl.cluster.job.output-dir");
    Path dir = (out.isEmpty() ? Path.of("runs", id) : Path.of(out)).toAbsolutePath().normalize();
    List<String> given = Settings.stringList(c, P + "stages");
    if (given.isEmpty()) {
      throw new InvalidInputException("setting " + P + "stages is empty; expected some of "
          + STAGES);
    }
    for (String s : given) {
      if (!STAGES.contains(s)) {
        throw new InvalidInputException("setting " + P + "stages: unknown stage '" + s
            + "'; expected some of " + STAGES);
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String s : STAGES) {
      if (given.contains(s)) {
        ordered.add(s);
      }
    }
    long steps = Settings.longValue(c, P + "train-steps");
    if (steps < 0) {
      throw new InvalidInputException("setting " + P + "train-steps = " + steps
          + ": expected 0 (the learner's train.steps) or a positive number");
    }
    Duration every;
    try {
      every = c.getDuration(P + "progress-interval");
    } catch (com.typesafe.config.ConfigException e) {
      throw new InvalidInputException("setting " + P + "progress-interval: expected a duration"
          + " such as 5s (" + e.getMessage() + ")", e);
    }
    long evalEvery = Settings.longValue(c, P + "eval-every");
    if (evalEvery < 0) {
      throw new InvalidInputException("setting " + P + "eval-every = " + evalEvery
          + ": expected 0 (evaluate the final checkpoint only) or a positive number of steps");
    }
    Optional<Path> evalCheckpoint = Optional.of(Settings.string(c, P + "eval-checkpoint"))
        .filter(x -> !x.isEmpty()).map(RunSettings::resolveModel);
    if (evalCheckpoint.isPresent() && !Files.isDirectory(evalCheckpoint.get())) {
      throw new InvalidInputException("setting " + P + "eval-checkpoint = '"
          + Settings.string(c, P + "eval-checkpoint") + "': no such directory ("
          + evalCheckpoint.get() + ")");
    }
    return new RunSettings(id, dir, Settings.positiveInt(c, "icrl.cluster.job.max-attempts"),
        ordered, Settings.nonNegativeInt(c, P + "synth-workers"), steps,
        Settings.oneOf(c, P + "eval-model", List.of("auto", "on", "off")),
        Settings.stringList(c, P + "eval-tasks"), Settings.stringList(c, P + "eval-suites"),
        every, Settings.bool(c, P + "overlap"), Settings.positiveInt(c, P + "pool.min-shards"),
        Settings.nonNegativeInt(c, P + "pool.max-shards"), evalEvery,
        Settings.nonNegativeInt(c, P + "eval-every-episodes"),
        evalCheckpoint);
  }

  /**
   * A model directory given relative to the working directory or, when it is not there, to the
   * project directory of the launcher ({@code icrl.project.dir}), so the shipped models are found
   * from anywhere.
   */
  private static Path resolveModel(String given) {
    Path p = Path.of(given);
    String project = System.getProperty("icrl.project.dir");
    if (!p.isAbsolute() && !Files.isDirectory(p) && project != null
        && Files.isDirectory(Path.of(project).resolve(p))) {
      p = Path.of(project).resolve(p);
    }
    return p.toAbsolutePath().normalize();
  }

  /** Whether training overlaps synthesis in this run (both stages run and overlap is on). */
  public boolean overlapped() {
    return overlap && stages.contains(Stage.SYNTH) && stages.contains(Stage.TRAIN);
  }

  /**
   * Whether intermediate checkpoints are evaluated: eval-every is set, both the train and the eval
   * stage run, and the sweep evaluates the model ({@code eval-model} is not {@code off}).
   */
  public boolean evaluatesSnapshots() {
    return evalEvery > 0 && stages.contains(Stage.TRAIN) && stages.contains(Stage.EVAL)
        && !evalModel.equals("off");
  }

  /** The copies of evaluated checkpoints ({@code RUN/train/snapshots}). */
  public Path snapshotsDir() {
    return trainDir().resolve("snapshots");
  }

  /** The copy of the checkpoint of step {@code step}. */
  public Path snapshotDir(long step) {
    return snapshotsDir().resolve("step-" + step);
  }

  /** The evaluation of the checkpoint of step {@code step} ({@code RUN/eval/step-N}). */
  public Path snapshotEvalDir(long step) {
    return evalDir().resolve("step-" + step);
  }

  /** The dataset directory. */
  public Path dataDir() {
    return dir.resolve("data");
  }

  /** The training run directory (checkpoints). */
  public Path trainDir() {
    return dir.resolve("train");
  }

  /** The evaluation output directory. */
  public Path evalDir() {
    return dir.resolve("eval");
  }
}
