package io.icrl.cli;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.gym.GymTasks;
import io.icrl.tasks.io.TabularMdpJson;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code icrl tasks dump TASK}: prints a tabular task as JSON in the format of Gymnasium golden
 * files ({@code n_states, n_actions, max_episode_steps, P, initial_state_distribution}), so it can
 * be diffed against Gymnasium's own table.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = "Print a tabular task as JSON in the golden-file format.")
final class TasksDumpCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TASK", description = "A tabular task id.")
  String taskId;

  @Override
  public Integer call() {
    Task task = TaskRegistry.standard().make(taskId);
    TabularMdp m = task.mdp().orElseThrow(() -> new InvalidInputException(
        "task " + taskId + " is not tabular; only tabular tasks can be dumped"));
    List<String> map = GymTasks.frozenLakeMap(taskId).orElse(null);
    System.out.println(TabularMdpJson.toJson(m, map));
    return 0;
  }
}
