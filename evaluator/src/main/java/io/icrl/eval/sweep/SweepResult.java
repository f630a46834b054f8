package io.icrl.eval.sweep;

import io.icrl.eval.EvalSettings;
import io.icrl.eval.task.PreparedTask;
import java.util.List;

/**
 * A finished sweep: its settings, the prepared tasks (with their references), the agent names in
 * report order and every cell's result in plan order (task, mode, agent, seed).
 */
public record SweepResult(EvalSettings settings, List<PreparedTask> tasks, List<String> agents,
    List<CellResult> cells, String modelDescription) {
  public SweepResult {
    tasks = List.copyOf(tasks);
    agents = List.copyOf(agents);
    cells = List.copyOf(cells);
  }
}
