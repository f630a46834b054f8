package io.icrl.cli;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Sha256;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.agent.CheckpointModels;
import io.icrl.eval.agent.LearnerModelSource;
import io.icrl.eval.selfplay.SelfPlayJob;
import io.icrl.eval.selfplay.SelfPlaySettings;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.learner.checkpoint.CheckpointState;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.TrainingTasks;
import io.icrl.tasks.TaskRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One self-play pass for the CLI: a checkpoint plays its own training tasks into a dataset
 * directory ({@link SelfPlayJob}), with a progress line every twentieth of the sequences. Used by
 * {@code icrl selfplay} and by the self-play rounds of {@code icrl train}.
 */
final class SelfPlayRun {
  private SelfPlayRun() {}

  /** What was played: the dataset's manifest and the identity of the weights that played. */
  record Result(Manifest manifest, String modelId) {}

  /**
   * Plays with the checkpoint in {@code checkpoint} (a run, checkpoint or model directory) into
   * {@code out}; resumes a partial dataset there and returns a complete one as it is.
   */
  static Result play(Config c, SelfPlaySettings settings, Path checkpoint, Path out,
      TaskRegistry registry, PrintWriter err) throws IOException {
    EvalSettings eval = EvalSettings.fromConfig(c);
    SynthSettings synth = SynthSettings.from(c);
    if (!Files.exists(checkpoint)) {
      throw new InvalidInputException("--checkpoint " + checkpoint + ": no such file or directory");
    }
    Path dir = Checkpoint.locate(checkpoint).orElseThrow(() -> new InvalidInputException(
        "--checkpoint " + checkpoint + ": no checkpoint there"));
    CheckpointState state = Checkpoint.readState(dir);
    if (!state.trainingTasksRecorded() || state.trainingTasks() == null) {
      throw new InvalidInputException("--checkpoint " + checkpoint + " does not record generated"
          + " training tasks (dataset " + state.datasetId() + "), so there are no tasks to play");
    }
    TrainingTasks tasks = state.trainingTasks();
    String modelId = "params-sha256:" + Sha256.ofFile(dir.resolve(Checkpoint.PARAMS));
    err.printf("icrl selfplay: %d sequences x %d rows on %s:states=%d,actions=%d seeds [%d, %d),"
        + " %d threads, checkpoint at step %d, into %s%n", settings.sequences(), settings.steps(),
        tasks.family(), tasks.states(), tasks.actions(), tasks.seedStart(), tasks.seedEnd(),
        settings.effectiveThreads(), state.step(), out);
    err.flush();
    AtomicInteger finished = new AtomicInteger();
    int every = Math.max(1, settings.sequences() / 20);
    long t0 = System.nanoTime();
    try (LearnerModelSource model = CheckpointModels.open(dir, eval.model(),
        settings.effectiveThreads(), Optional.empty())) {
      Manifest m = SelfPlayJob.run(settings, eval, model, modelId, tasks,
          synth.reference().gammas(), registry, out, rows -> {
            int n = finished.incrementAndGet();
            if (n % every == 0) {
              double secs = (System.nanoTime() - t0) / 1e9;
              synchronized (err) {
                err.printf("selfplay: %d sequences this run, %.0f rows/s%n", n,
                    (double) n * settings.steps() / secs);
                err.flush();
              }
            }
          });
      return new Result(m, modelId);
    }
  }
}
