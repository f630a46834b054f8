package io.icrl.cluster.run;

import com.typesafe.config.Config;
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
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.TaskRegistry;
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
 * never tries. Held-out tasks are enforced against the dataset's task seeds either way.
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
    EvalSettings s = EvalSettings.fromConfig(c);
    SynthSettings synth = SynthSettings.from(c);
    Optional<RowModelSource> model = Optional.empty();
    String note = null;
    if (run.evalModel().equals("off")) {
      note = "not evaluated (icrl.cluster.run.eval-model = off)";
    } else {
      try {
        model = Optional.of(CheckpointModels.open(run.trainDir(), s.model(), s.effectiveThreads(),
            Optional.empty()));
        note = "evaluated: " + model.get().describe();
      } catch (InvalidInputException e) {
        if (run.evalModel().equals("on")) {
          throw e;
        }
        note = "SKIPPED, baselines only: " + e.getMessage();
        LOG.warn("eval: in-context model evaluation skipped (icrl.cluster.run.eval-model = auto):"
            + " {}", e.getMessage());
      }
    }
    TrainingTaskRange dataset = new TrainingTaskRange(synth.task().family(),
        synth.task().seedStart(), synth.task().seedCount());
    Optional<TrainingTaskRange> training = Optional.of(
        model.flatMap(RowModelSource::trainingRange).orElse(dataset));
    List<String> ids = TaskSelection.resolve(run.evalTasks(), run.evalSuites(), s, training);
    Path out = run.evalDir();
    LOG.info("eval: {} tasks x {} modes x {} seeds into {}", ids.size(), s.modes().size(),
        s.seeds(), out);
    SweepRequest request = new SweepRequest(ids, s, TaskRegistry.standard()::make, model,
        training, out);
    SweepResult result = Sweep.run(request, new Progress());
    SweepOutputs.write(result, out);
    String table = SummaryTable.render(result, note);
    AtomicFiles.writeString(out.resolve(SUMMARY), table);
    publishScores(result);
    return new UnitResult(result.cells().size(), 0, List.of("eval/" + SUMMARY,
        "eval/summary.json", "eval/report.md", "eval/results.csv"), "");
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
