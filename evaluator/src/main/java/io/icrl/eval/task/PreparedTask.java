package io.icrl.eval.task;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.eval.agent.TaskInfo;
import io.icrl.tasks.Task;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizonPolicy;

/**
 * A task ready for evaluation: its environment factory, a tabular model (exact, or estimated by
 * sampling), the model's time-dependent optimal policy (the oracle and the demonstrator), and the
 * reference returns of its normalized score. Immutable and shared by worker threads.
 */
public final class PreparedTask {
  private final Task task;
  private final TaskInfo info;
  private final TabularMdp model;
  private final boolean exactModel;
  private final FiniteHorizonPolicy optimum;
  private final References references;

  private PreparedTask(Task task, TaskInfo info, TabularMdp model, boolean exactModel,
      FiniteHorizonPolicy optimum, References references) {
    this.task = task;
    this.info = info;
    this.model = model;
    this.exactModel = exactModel;
    this.optimum = optimum;
    this.references = references;
  }

  /**
   * Prepares {@code task}: solves its exact MDP, or estimates a model by sampling when it has
   * none; references are exact, estimated, or taken from {@code settings.overrides()}.
   */
  public static PreparedTask prepare(Task task, ReferenceSettings settings, long rootSeed) {
    String id = task.id();
    if (!task.isDiscrete()) {
      throw new InvalidInputException("task '" + id + "' has continuous observations; evaluation"
          + " needs a discrete task (e.g. a discretized id such as Pendulum-v1:bins=12x5)");
    }
    DiscreteEnv env = task.newEnv();
    TaskInfo info = new TaskInfo(id, env.observationCount(), env.actionCount(),
        env.maxEpisodeSteps());
    TabularMdp model;
    boolean exact;
    FiniteHorizonPolicy optimum;
    References refs;
    if (task.mdp().isPresent()) {
      model = task.mdp().get();
      exact = true;
      optimum = FiniteHorizonPolicy.solve(model);
      refs = ReferenceReturns.exact(model);
    } else {
      model = SampledModel.estimate(env, id + " (estimated)", settings.modelEpisodes(),
          settings.modelRounds(), Seeds.derive(rootSeed, "model-env|" + id, 0),
          Seeds.rng(rootSeed, "model-policy|" + id, 0));
      exact = false;
      optimum = FiniteHorizonPolicy.solve(model);
      refs = ReferenceReturns.estimated(env, id, optimum, settings, rootSeed);
    }
    References configured = settings.overrides().get(id);
    if (configured != null) {
      refs = configured;
    }
    return new PreparedTask(task, info, model, exact, optimum, refs);
  }

  public String id() {
    return info.id();
  }

  public TaskInfo info() {
    return info;
  }

  /** A fresh environment of the task. */
  public DiscreteEnv newEnv() {
    return task.newEnv();
  }

  /** The task's exact MDP, or the model estimated by sampling. */
  public TabularMdp model() {
    return model;
  }

  /** True when {@link #model()} is the task's exact MDP. */
  public boolean exactModel() {
    return exactModel;
  }

  /** The time-dependent optimal policy of {@link #model()}. */
  public FiniteHorizonPolicy optimum() {
    return optimum;
  }

  public References references() {
    return references;
  }
}
