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
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code icrl selfplay}: the in-context model plays its own training tasks online and the play is
 * written as a training dataset labelled with the optimal actions (see {@link SelfPlayJob}).
 */
@Command(name = "selfplay", mixinStandardHelpOptions = true,
    description = {"Write a dataset of the model's own online play on its training tasks,",
        "labelled with the optimal actions, to train on beside synthesized data",
        "(icrl train --data SYNTH --data SELFPLAY). Settings: icrl.eval.selfplay; the agent",
        "plays with icrl.eval.online's protocol; labels use icrl.synth.reference.gammas.",
        "Run again with the same --out to resume."})
final class SelfPlayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(names = "--checkpoint", required = true, paramLabel = "RUN",
      description = "Training run, checkpoint or model directory of the in-context model.")
  Path checkpoint;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory.")
  Path out;

  TaskRegistry registry = TaskRegistry.standard();

  @Override
  public Integer call() throws Exception {
    Config c = config.load();
    EvalSettings eval = EvalSettings.fromConfig(c);
    SelfPlaySettings settings = SelfPlaySettings.from(c);
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
    PrintWriter err = spec.commandLine().getErr();
    err.printf("icrl selfplay: %d sequences x %d rows on %s:states=%d,actions=%d seeds [%d, %d),"
        + " %d threads%n", settings.sequences(), settings.steps(), tasks.family(), tasks.states(),
        tasks.actions(), tasks.seedStart(), tasks.seedEnd(), settings.effectiveThreads());
    err.flush();
    AtomicInteger finished = new AtomicInteger();
    int every = Math.max(1, settings.sequences() / 20);
    long t0 = System.nanoTime();
    Manifest m;
    try (LearnerModelSource model = CheckpointModels.open(dir, eval.model(),
        settings.effectiveThreads(), Optional.empty())) {
      m = SelfPlayJob.run(settings, eval, model, modelId, tasks, synth.reference().gammas(),
          registry, out, rows -> {
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
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf("%-22s %s%n", "dataset", out.toAbsolutePath());
    o.printf("%-22s %s%n", "model", modelId);
    o.printf("%-22s %,d x %,d rows (%d shards)%n", "sequences", m.sequences(), m.steps(),
        m.shards().size());
    o.printf("%-22s %.1f%n", "seconds", m.wallSeconds());
    o.printf("%-22s %s%n", "train with", "icrl train --data <synthesized> --data " + out);
    o.flush();
    return 0;
  }
}
