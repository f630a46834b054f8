package io.icrl.eval.sweep;

import io.icrl.eval.EvalSettings;
import io.icrl.eval.agent.RowModelSource;
import io.icrl.eval.task.TrainingTaskRange;
import io.icrl.tasks.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to evaluate and where to write it.
 *
 * @param taskIds the tasks, in report order
 * @param settings the evaluation settings (modes, agents, E, K, threads...)
 * @param tasks makes a task from its id (normally {@code TaskRegistry.standard()::make})
 * @param model the in-context model, if one is evaluated beside the baselines
 * @param training the checkpoint's training tasks; task ids inside it are rejected
 * @param outDir the output directory (also holds the cell journal)
 */
public record SweepRequest(List<String> taskIds, EvalSettings settings,
    Function<String, Task> tasks, Optional<RowModelSource> model,
    Optional<TrainingTaskRange> training, Path outDir) {
  public SweepRequest {
    taskIds = List.copyOf(taskIds);
  }
}
