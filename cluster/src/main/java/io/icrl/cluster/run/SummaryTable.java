package io.icrl.cluster.run;

import io.icrl.eval.report.Series;
import io.icrl.eval.sweep.SweepResult;
import io.icrl.tasks.TaskParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation summary a run ends with: normalized scores per task family, mode and agent at the
 * first episode, at episode 10, at the last episode and over all episodes, each the mean over the
 * family's tasks of the per-task mean over seeds (details with intervals: {@code
 * eval/report.md}).
 */
public final class SummaryTable {
  private SummaryTable() {}

  /** One row: a (family, mode, agent) group. */
  private static final class Row {
    final String family;
    final String mode;
    final String agent;
    final List<Series> series = new ArrayList<>();

    Row(String family, String mode, String agent) {
      this.family = family;
      this.mode = mode;
      this.agent = agent;
    }

    double mean(java.util.function.ToDoubleFunction<Series> f) {
      double sum = 0;
      int n = 0;
      for (Series s : series) {
        double v = f.applyAsDouble(s);
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      return n == 0 ? Double.NaN : sum / n;
    }
  }

  /**
   * Renders the table.
   *
   * @param modelNote a line about the in-context model (e.g. why it was skipped), or null
   */
  public static String render(SweepResult result, String modelNote) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Series s : Series.of(result)) {
      String family = TaskParams.parse(s.task()).name();
      String key = family + "|" + s.mode().id() + "|" + s.agent();
      rows.computeIfAbsent(key, k -> new Row(family, s.mode().id(), s.agent())).series.add(s);
    }
    StringBuilder b = new StringBuilder();
    b.append("evaluation summary: normalized score (1 = optimal, 0 = random), mean over tasks of"
        + " the mean over ").append(result.settings().seeds()).append(" seeds\n");
    String fmt = "%-22s %-10s %-11s %5s %7s %7s %7s %7s%n";
    b.append(String.format(fmt, "family", "mode", "agent", "tasks", "ep 1", "ep 10", "last",
        "mean"));
    for (Row r : rows.values()) {
      b.append(String.format(fmt, r.family, r.mode, r.agent, r.series.size(),
          num(r.mean(s -> s.scoreAt(1).mean())), num(r.mean(s -> s.scoreAt(10).mean())),
          num(r.mean(s -> s.scoreAt(s.episodes()).mean())),
          num(r.mean(s -> s.meanScore().mean()))));
    }
    if (modelNote != null && !modelNote.isBlank()) {
      b.append("in-context model: ").append(modelNote).append('\n');
    }
    return b.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.3f", v);
  }
}
