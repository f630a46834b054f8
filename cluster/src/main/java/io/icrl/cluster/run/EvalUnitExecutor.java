package io.icrl.cluster.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.icrl.cluster.job.UnitExecutor;
import io.icrl.cluster.job.UnitResult;
import io.icrl.cluster.job.WorkUnit;
import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.core.AtomicFiles;
import io.icrl.core.InvalidInputException;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.TaskSelection;
import io.icrl.eval.agent.CheckpointModels;
import io.icrl.eval.agent.RowModelSource;
import io.icrl.eval.report.Series;
import io.icrl.eval.report.SweepOutputs;
import io.icrl.eval.sweep.Cell;
import io.icrl.eval.sweep.Sweep;
import io.icrl.eval.sweep.SweepListener;
import io.icrl.eval.sweep.SweepRequest;
import io.icrl.eval.sweep.SweepResult;
import io.icrl.eval.task.TrainingTaskRange;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.TrainingTasks;
import io.icrl.tasks.TaskParams;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.tasks.TaskRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the evaluation unit of a run (job kind {@value #KIND}): the evaluator's sweep over the
 * configured tasks into {@code RUN/eval} (results.csv, summary.json, report.md, plots, and the
 * table of {@link SummaryTable} in {@code summary.txt}). A re-run resumes from the sweep's cell
 * journal.
 *
 * <p>The in-context model ({@code icrl.cluster.run.eval-model}): with {@code auto} the final
 * checkpoint ({@code RUN/train}) is opened with the evaluator's {@link CheckpointModels#open}; if
 * that build of the evaluator cannot load it, the model is skipped with a warning in the log and a
 * line in the summary, and the baselines run alone. {@code on} makes that an error, {@code off}
 * never tries. With {@code icrl.cluster.run.eval-checkpoint} set, the final sweep evaluates that
 * run or shipped model instead (failing if it cannot be loaded) and holds out its training tasks.
 * Held-out tasks are enforced against the dataset's task seeds when the model records none.
 *
 * <p>A unit whose payload names a snapshot step N ({@link RunPayload#SNAPSHOT_STEP}, jobs of
 * {@link RunPlan#snapshotEvalJob}) evaluates {@code RUN/train/snapshots/step-N} into {@code
 * RUN/eval/step-N}, with {@code icrl.cluster.run.eval-every-episodes} episodes per run when set.
 * When the model was evaluated, {@code icrl_eval_score} and {@code icrl_eval_checkpoint_step}
 * (the evaluated checkpoint's step) are set.
 */
public final class EvalUnitExecutor implements UnitExecutor {
  /** The job kind. */
  public static final String KIND = "eval";
  /** The summary table's file in the evaluation directory. */
  public static final String SUMMARY = "summary.txt";
  private static final Logger LOG = LoggerFactory.getLogger(EvalUnitExecutor.class);

  private final IcrlMetrics metrics;

  public EvalUnitExecutor(IcrlMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public UnitResult execute(WorkUnit unit) throws Exception {
    Config c = RunPayload.parse(unit.payload());
    RunSettings run = RunSettings.from(c);
    long snapshot = c.hasPath(RunPayload.SNAPSHOT_STEP) ? c.getLong(RunPayload.SNAPSHOT_STEP) : 0;
    if (snapshot > 0 && run.evalEveryEpisodes() > 0) {
      c = c.withValue("icrl.eval.episodes",
          ConfigValueFactory.fromAnyRef(run.evalEveryEpisodes()));
    }
    EvalSettings s = EvalSettings.fromConfig(c);
    SynthSettings synth = SynthSettings.from(c);
    Path checkpoint = snapshot > 0 ? run.snapshotDir(snapshot)
        : run.evalCheckpoint().orElse(run.trainDir());
    Optional<RowModelSource> model = Optional.empty();
    String note = null;
    if (snapshot > 0 && !Files.isDirectory(checkpoint)) {
      throw new InvalidInputException("no snapshot of step " + snapshot + " at " + checkpoint
          + " (the learner copies it there when it writes that checkpoint)");
    }
    if (run.evalModel().equals("off")) {
      note = "not evaluated (icrl.cluster.run.eval-model = off)";
    } else {
      try {
        model = Optional.of(CheckpointModels.open(checkpoint, s.model(), s.effectiveThreads(),
            Optional.empty()));
        note = "evaluated: " + model.get().describe();
      } catch (InvalidInputException e) {
        if (run.evalModel().equals("on") || (snapshot == 0 && run.evalCheckpoint().isPresent())) {
          throw e;
        }
        note = "SKIPPED, baselines only: " + e.getMessage();
        LOG.warn("eval: in-context model evaluation skipped (icrl.cluster.run.eval-model = auto):"
            + " {}", e.getMessage());
      }
    }
    SynthSettings.TaskSettings t = synth.task();
    List<String> families = new TrainingTasks(t.family(), t.states(), t.actions(), t.params(),
        t.seedStart(), t.seedCount(), t.mix().stream().map(SynthSettings.MixedTask::id).toList())
        .families();
    TrainingTaskRange dataset = new TrainingTaskRange(t.family(), t.seedStart(), t.seedCount(),
        0, 0, families.subList(1, families.size()));
    Optional<TrainingTaskRange> training = Optional.of(
        model.flatMap(RowModelSource::trainingRange).orElse(dataset));
    List<String> ids = TaskSelection.resolve(run.evalTasks(), run.evalSuites(), s, training);
    Path out = snapshot > 0 ? run.snapshotEvalDir(snapshot) : run.evalDir();
    LOG.info("eval: {} tasks x {} modes x {} seeds x {} episodes into {}", ids.size(),
        s.modes().size(), s.seeds(), s.episodes(), out);
    SweepRequest request = new SweepRequest(ids, s, TaskRegistry.standard()::make, model,
        training, out);
    SweepResult result = Sweep.run(request, new Progress());
    SweepOutputs.write(result, out);
    String table = SummaryTable.render(result, note);
    AtomicFiles.writeString(out.resolve(SUMMARY), table);
    if (model.isPresent()) {
      publishScores(result);
      metrics.evalCheckpointStep().set(snapshot > 0 ? snapshot : checkpointStep(checkpoint));
    }
    String rel = run.dir().relativize(out).toString().replace('\\', '/');
    return new UnitResult(result.cells().size(), 0, List.of(rel + "/" + SUMMARY,
        rel + "/summary.json", rel + "/report.md", rel + "/results.csv"), "");
  }

  /** The step of the checkpoint in run directory {@code train} (0 if unreadable). */
  private static long checkpointStep(Path train) {
    try {
      Optional<Path> dir = Checkpoint.locate(train);
      return dir.isPresent() ? Checkpoint.readState(dir.get()).step() : 0;
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  /** {@code icrl_eval_score{task=family, mode}}: the in-context model's mean score, if evaluated. */
  private void publishScores(SweepResult result) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (Series s : Series.of(result)) {
      if (!s.agent().equals("model")) {
        continue;
      }
      String key = TaskParams.parse(s.task()).name() + "\u0000" + s.mode().id();
      double[] acc = sums.computeIfAbsent(key, k -> new double[2]);
      acc[0] += s.meanScore().mean();
      acc[1]++;
    }
    sums.forEach((k, acc) -> {
      String[] parts = k.split("\u0000");
      metrics.evalScore().labelValues(parts[0], parts[1]).set(acc[0] / acc[1]);
    });
  }

  /** Logs sweep progress about every tenth of the cells. */
  private static final class Progress implements SweepListener {
    private int step;

    @Override
    public void planned(int total, int alreadyDone) {
      step = Math.max(1, total / 10);
      LOG.info("eval: {} cells{}", total, alreadyDone > 0 ? " (" + alreadyDone
          + " already done, resuming)" : "");
    }

    @Override
    public void cellFinished(Cell cell, int done, int total) {
      if (done % step == 0 || done == total) {
        LOG.info("eval: {}/{} cells", done, total);
      }
    }
  }
}
