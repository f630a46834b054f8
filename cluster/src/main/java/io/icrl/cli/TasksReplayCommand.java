package io.icrl.cli;

import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.gym.Replay;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code icrl tasks replay TASK --init-obs x,y[,z] --actions a1,a2,...}: sets a continuous task's
 * state from an observation, applies the actions and prints the steps as JSON.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay actions on a continuous task from an initial observation; prints JSON.")
final class TasksReplayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TASK", description = "Pendulum-v1 or MountainCar-v0.")
  String taskId;

  @Option(names = "--init-obs", required = true, paramLabel = "X,Y[,Z]",
      description = "Observation to start from (Pendulum: cos,sin,thetadot; MountainCar: pos,vel).")
  String initObs;

  @Option(names = "--actions", required = true, paramLabel = "A1,A2,...",
      description = "Actions (Pendulum: torques; MountainCar: 0, 1, 2).")
  String actions;

  @Override
  public Integer call() {
    Task task = TaskRegistry.standard().make(taskId);
    double[] obs = Replay.parseNumbers(initObs, "--init-obs");
    double[] acts = Replay.parseNumbers(actions, "--actions");
    System.out.println(Replay.replayJson(task, obs, acts));
    return 0;
  }
}
