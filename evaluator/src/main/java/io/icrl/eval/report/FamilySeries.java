package io.icrl.eval.report;

import io.icrl.eval.Mode;
import io.icrl.eval.sweep.CellResult;
import io.icrl.eval.sweep.SweepResult;
import io.icrl.tasks.TaskParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Curves over every task of a task family: for each family (a task id's name, e.g. {@code anymdp})
 * with at least two tasks in a sweep, one {@link Series} per mode and agent over all its runs
 * (every task and seed), named "FAMILY (N tasks)". Single tasks already have their own series.
 */
public final class FamilySeries {
  private FamilySeries() {}

  /** Family name to its series, families and series in plan order. */
  public static Map<String, List<Series>> of(SweepResult result) {
    Map<String, Set<String>> tasks = new LinkedHashMap<>();
    Map<String, List<CellResult>> groups = new LinkedHashMap<>();
    for (CellResult c : result.cells()) {
      String f = family(c.cell().task());
      tasks.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(c.cell().task());
      groups.computeIfAbsent(f + "\u0000" + c.cell().mode().id() + "\u0000" + c.cell().agent(),
          k -> new ArrayList<>()).add(c);
    }
    Map<String, List<Series>> out = new LinkedHashMap<>();
    for (List<CellResult> g : groups.values()) {
      CellResult first = g.get(0);
      String f = family(first.cell().task());
      int n = tasks.get(f).size();
      if (n >= 2) {
        out.computeIfAbsent(f, k -> new ArrayList<>()).add(new Series(f + " (" + n + " tasks)",
            first.cell().mode(), first.cell().agent(), g));
      }
    }
    return out;
  }

  /** The plot of {@code family} in {@code mode}, relative to the output directory. */
  public static String fileName(String family, Mode mode) {
    return ScorePlots.fileName("all-" + family, mode);
  }

  private static String family(String taskId) {
    return TaskParams.parse(taskId).name();
  }
}
