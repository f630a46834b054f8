package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.Task;
import io.icrl.tasks.env.ContinuousEnv;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.Optional;
import java.util.function.Supplier;

/** A task with a continuous observation space, such as Pendulum-v1 or MountainCar-v0. */
public record ContinuousTask(String id, Supplier<ContinuousEnv> factory) implements Task {
  @Override
  public boolean isDiscrete() {
    return false;
  }

  /** Always fails: the task has continuous observations; its {@code bins=AxB} variant is discrete. */
  @Override
  public DiscreteEnv newEnv() {
    String name = id.contains(":") ? id.substring(0, id.indexOf(':')) : id;
    throw new InvalidInputException("task " + id + " has continuous observations; use a"
        + " discretized variant such as " + name + ":bins=12x5 where a discrete task is needed");
  }

  @Override
  public ContinuousEnv newContinuousEnv() {
    return factory.get();
  }

  @Override
  public Optional<TabularMdp> mdp() {
    return Optional.empty();
  }
}
