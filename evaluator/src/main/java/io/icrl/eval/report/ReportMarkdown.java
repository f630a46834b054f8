package io.icrl.eval.report;

import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.agent.InContextAgentFactory;
import io.icrl.eval.task.PreparedTask;
import io.icrl.eval.task.References;
import io.icrl.eval.sweep.SweepResult;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** {@code report.md}: references, per task and mode a table of agents and the score plot. */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  /** The report's text. */
  public static String render(SweepResult result) {
    EvalSettings s = result.settings();
    List<Series> all = Series.of(result);
    StringBuilder b = new StringBuilder("# Evaluation report\n\n");
    b.append("- episodes per run (E): ").append(s.episodes()).append('\n');
    b.append("- runs per cell (K seeds): ").append(s.seeds()).append('\n');
    b.append("- modes: ").append(String.join(", ", s.modes().stream().map(Mode::id).toList()))
        .append('\n');
    b.append("- agents: ").append(String.join(", ", result.agents())).append('\n');
    b.append("- in-context model: ").append(result.modelDescription()).append('\n');
    b.append("- root seed: ").append(s.rootSeed()).append('\n');
    if (result.agents().contains(InContextAgentFactory.NAME)) {
      b.append("- model context: ").append(s.model().context()).append(" steps (kept to ")
          .append(s.model().keepFraction()).append(" when full)\n");
      for (Mode m : s.modes()) {
        b.append("- ").append(m.id()).append(": ").append(ModeProtocol.describe(s, m))
            .append('\n');
      }
    }
    b.append("\nNormalized score per episode: (R - R_random) / (R_opt - R_random), unclipped ")
        .append("(the optimum's expected score is 1, random's 0). ")
        .append("Numbers are means over seeds with 95% intervals; \"to ")
        .append(fmt(s.threshold())).append("\" is the first episode whose score reaches it, over ")
        .append("the seeds that do (reached/K).\n\n");
    b.append("## References\n\n| task | states | actions | step limit | R_opt | R_random | source |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (PreparedTask t : result.tasks()) {
      References r = t.references();
      b.append("| ").append(t.id()).append(" | ").append(t.info().states()).append(" | ")
          .append(t.info().actions()).append(" | ").append(t.info().maxEpisodeSteps())
          .append(" | ").append(fmt(r.optimal())).append(" | ").append(fmt(r.random()))
          .append(" | ").append(r.source()).append(" |\n");
    }
    for (Map.Entry<String, List<Series>> family : FamilySeries.of(result).entrySet()) {
      b.append("\n## All tasks: ").append(family.getValue().get(0).task()).append('\n');
      for (Mode m : s.modes()) {
        List<Series> rows = family.getValue().stream().filter(x -> x.mode() == m).toList();
        if (!rows.isEmpty()) {
          table(b, s, m, rows);
          b.append("\n![").append(family.getKey()).append(' ').append(m.id()).append("](")
              .append(FamilySeries.fileName(family.getKey(), m)).append(")\n");
        }
      }
    }
    for (PreparedTask t : result.tasks()) {
      b.append("\n## ").append(t.id()).append('\n');
      for (Mode m : s.modes()) {
        List<Series> rows = all.stream().filter(x -> x.task().equals(t.id()) && x.mode() == m)
            .toList();
        if (rows.isEmpty()) {
          continue;
        }
        table(b, s, m, rows);
        b.append("\n![").append(t.id()).append(' ').append(m.id()).append("](")
            .append(ScorePlots.fileName(t.id(), m)).append(")\n");
      }
    }
    return b.toString();
  }

  /** The mode's heading and its table: one row per series (agent). */
  private static void table(StringBuilder b, EvalSettings s, Mode m, List<Series> rows) {
    b.append("\n### ").append(m.id()).append("\n\n");
    b.append("| agent | ep 1 | ep 5 | ep 10 | ep E | mean score | mean return | to ")
        .append(fmt(s.threshold())).append(" |\n|---|---|---|---|---|---|---|---|\n");
    for (Series x : rows) {
      int last = x.episodes();
      b.append("| ").append(x.agent()).append(" | ").append(cell(x, 1)).append(" | ")
          .append(cell(x, 5)).append(" | ").append(cell(x, 10)).append(" | ")
          .append(cell(x, last)).append(" | ").append(ci(x.meanScore())).append(" | ")
          .append(ci(x.meanReturn())).append(" | ");
      Interval reach = x.episodesToThreshold(s.threshold());
      b.append(reach.n() == 0 ? "-" : fmt(reach.mean())).append(" (")
          .append(x.reached(s.threshold())).append('/').append(x.seeds()).append(") |\n");
    }
  }

  private static String cell(Series x, int e) {
    if (e < 1 || e > x.episodes()) {
      return "-";
    }
    return ci(x.scoreAt(e));
  }

  private static String ci(Interval i) {
    if (i.n() == 0) {
      return "-";
    }
    if (i.n() == 1) {
      return fmt(i.mean());
    }
    return fmt(i.mean()) + " [" + fmt(i.low()) + ", " + fmt(i.high()) + "]";
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e5 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
  }
}
