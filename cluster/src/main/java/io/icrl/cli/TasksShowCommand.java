package io.icrl.cli;

import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.env.ContinuousEnv;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizon;
import io.icrl.tasks.solve.ValueIteration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code icrl tasks show TASK}: sizes, step limit and exact returns of a task. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Print a task's sizes, step limit, optimal and random returns.")
final class TasksShowCommand implements Callable<Integer> {
  /** OmniRL's reference discounts opt0..opt3. */
  private static final double[] REFERENCE_GAMMAS = {0.0, 0.5, 0.93, 0.994};

  @Parameters(index = "0", paramLabel = "TASK", description = "Task id, e.g. FrozenLake-v1 or"
      + " anymdp:states=16,actions=5,seed=3")
  String taskId;

  @Override
  public Integer call() {
    Task task = TaskRegistry.standard().make(taskId);
    System.out.println("task              " + task.id());
    if (task.mdp().isPresent()) {
      TabularMdp m = task.mdp().get();
      System.out.println("kind              tabular");
      System.out.println("states            " + m.states());
      System.out.println("actions           " + m.actions());
      System.out.println("outcomes          " + m.outcomeCount());
      System.out.println("max_episode_steps " + m.maxEpisodeSteps());
      System.out.printf("optimal_return    %.6f%n", FiniteHorizon.optimalReturn(m));
      System.out.printf("random_return     %.6f%n", FiniteHorizon.randomReturn(m));
      for (int k = 0; k < REFERENCE_GAMMAS.length; k++) {
        int[] pi = ValueIteration.solve(m, REFERENCE_GAMMAS[k]).greedyPolicy();
        System.out.printf("opt%d_return       %.6f  (greedy, gamma %s)%n", k,
            FiniteHorizon.evaluate(m, pi), REFERENCE_GAMMAS[k]);
      }
      System.out.println("fingerprint       " + m.fingerprint());
    } else if (task.isDiscrete()) {
      DiscreteEnv env = task.newEnv();
      System.out.println("kind              discretized (no exact model)");
      System.out.println("states            " + env.observationCount());
      System.out.println("actions           " + env.actionCount());
      System.out.println("max_episode_steps " + env.maxEpisodeSteps());
    } else {
      ContinuousEnv env = task.newContinuousEnv();
      System.out.println("kind              continuous");
      System.out.println("observation_dim   " + env.observationDim());
      System.out.println("actions           " + (env.discreteActions() > 0
          ? "Discrete(" + env.discreteActions() + ")"
          : "Box(" + java.util.Arrays.toString(env.actionLow()) + ", "
              + java.util.Arrays.toString(env.actionHigh()) + ")"));
      System.out.println("max_episode_steps " + env.maxEpisodeSteps());
    }
    return 0;
  }
}
