package io.icrl.cli;

import com.typesafe.config.Config;
import io.icrl.cluster.run.SummaryTable;
import io.icrl.core.InvalidInputException;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.TaskSelection;
import io.icrl.eval.agent.CheckpointModels;
import io.icrl.eval.agent.RowModelSource;
import io.icrl.eval.report.SweepOutputs;
import io.icrl.eval.sweep.Cell;
import io.icrl.eval.sweep.Sweep;
import io.icrl.eval.sweep.SweepListener;
import io.icrl.eval.sweep.SweepRequest;
import io.icrl.eval.sweep.SweepResult;
import io.icrl.eval.task.TrainingTaskRange;
import io.icrl.tasks.TaskRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code icrl eval}: evaluates baselines (and, with {@code --checkpoint}, the in-context model) on
 * tasks x modes x seeds and writes results.csv, summary.json, report.md and plots.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluate agents on held-out tasks in the online, imitation and offline modes.",
        "Writes results.csv, summary.json, report.md and plots/ under --out; an interrupted",
        "sweep resumes from its finished cells when run again with the same --out."})
final class EvalCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions config = new ConfigOptions();

  @Option(names = "--checkpoint", paramLabel = "RUN",
      description = "Training run or checkpoint of the in-context model (without it, baselines only).")
  Path checkpoint;

  @Option(names = "--training-data", paramLabel = "DIR",
      description = "The dataset the checkpoint was trained on; needed only for checkpoints"
          + " written before icrl recorded their training tasks (format version 1).")
  Path trainingData;

  @Option(names = "--task", paramLabel = "ID",
      description = "Task id, e.g. FrozenLake-v1 or anymdp:states=16,actions=5,seed=1000001"
          + " (repeatable).")
  List<String> tasks = new ArrayList<>();

  @Option(names = "--suite", paramLabel = "NAME",
      description = "Named task set from icrl.eval.suites, or held-out-anymdp (repeatable).")
  List<String> suites = new ArrayList<>();

  @Option(names = "--modes", paramLabel = "M[,M...]",
      description = "Modes: online, imitation, offline (default: icrl.eval.modes).")
  String modes;

  @Option(names = "--agents", paramLabel = "A[,A...]",
      description = "Baselines: random, q-learning, ucb-q, oracle, 1-nn, data (default:"
          + " icrl.eval.agents).")
  String agents;

  @Option(names = "--episodes", paramLabel = "E", description = "Episodes per run.")
  Integer episodes;

  @Option(names = "--seeds", paramLabel = "K", description = "Independent runs per cell.")
  Integer seeds;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (0 = all cores).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  /** Where task ids are made (tests substitute their own tasks). */
  TaskRegistry registry = TaskRegistry.standard();

  @Override
  public Integer call() throws Exception {
    List<String> extra = new ArrayList<>();
    if (episodes != null) {
      extra.add("icrl.eval.episodes=" + episodes);
    }
    if (seeds != null) {
      extra.add("icrl.eval.seeds=" + seeds);
    }
    if (threads != null) {
      extra.add("icrl.eval.threads=" + threads);
    }
    if (modes != null) {
      extra.add("icrl.eval.modes=" + listLiteral(modes));
    }
    if (agents != null) {
      extra.add("icrl.eval.agents=" + listLiteral(agents));
    }
    Config c = config.load(extra);
    EvalSettings s = EvalSettings.fromConfig(c);
    if (trainingData != null && checkpoint == null) {
      throw new InvalidInputException("--training-data needs --checkpoint");
    }
    Optional<RowModelSource> model = Optional.empty();
    if (checkpoint != null) {
      model = Optional.of(CheckpointModels.open(checkpoint, s.model(), s.effectiveThreads(),
          Optional.ofNullable(trainingData)));
    }
    try {
      return evaluate(s, model);
    } finally {
      model.ifPresent(RowModelSource::close);
    }
  }

  private Integer evaluate(EvalSettings s, Optional<RowModelSource> model) throws Exception {
    Optional<TrainingTaskRange> training = model.flatMap(RowModelSource::trainingRange);
    List<String> ids = TaskSelection.resolve(tasks, suites, s, training);
    SweepRequest request = new SweepRequest(ids, s, registry::make, model, training, out);
    long start = System.nanoTime();
    SweepResult result;
    try (ProgressListener progress = new ProgressListener(quiet)) {
      result = Sweep.run(request, progress);
      progress.writing();
      SweepOutputs.write(result, out);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf("evaluated %d tasks x %d modes x %d agents x %d seeds (%d cells) in %.1f s%n",
        result.tasks().size(), s.modes().size(), result.agents().size(), s.seeds(),
        result.cells().size(), secs);
    System.out.print(SummaryTable.render(result, model.map(RowModelSource::describe).orElse(null)));
    System.out.println("wrote " + out.resolve("results.csv") + ", summary.json, report.md, plots/");
    return 0;
  }

  private static String listLiteral(String csv) {
    List<String> parts = new ArrayList<>();
    for (String p : csv.split(",")) {
      if (!p.isBlank()) {
        parts.add("\"" + p.trim() + "\"");
      }
    }
    return "[" + String.join(",", parts) + "]";
  }

  /** Renders sweep progress as a console progress bar on stderr. */
  private static final class ProgressListener implements SweepListener, AutoCloseable {
    private final boolean quiet;
    private ProgressBar bar;

    ProgressListener(boolean quiet) {
      this.quiet = quiet;
    }

    @Override
    public void preparing(int taskCount) {
      if (!quiet) {
        System.err.println("preparing " + taskCount + " tasks (solving models, references) ...");
      }
    }

    @Override
    public void planned(int total, int alreadyDone) {
      if (quiet) {
        return;
      }
      if (alreadyDone > 0) {
        System.err.println("resuming: " + alreadyDone + " of " + total + " cells already done");
      }
      bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
      bar.stepTo(alreadyDone);
    }

    @Override
    public void cellFinished(Cell cell, int done, int total) {
      if (bar != null) {
        bar.stepTo(done);
        bar.setExtraMessage(cell.task() + " " + cell.mode().id() + " " + cell.agent());
      }
    }

    void writing() {
      close();
      if (!quiet) {
        System.err.println("writing outputs ...");
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
