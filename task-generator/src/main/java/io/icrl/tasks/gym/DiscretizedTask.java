package io.icrl.tasks.gym;

import io.icrl.tasks.Task;
import io.icrl.tasks.env.ContinuousEnv;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A continuous task discretized for discrete-observation agents, e.g. {@code Pendulum-v1:bins=12x5}.
 * {@link #newEnv()} gives a {@link DiscretizedEnv}; {@link #newContinuousEnv()} the environment
 * underneath. There is no exact MDP.
 */
public record DiscretizedTask(String id, Supplier<ContinuousEnv> factory, ObservationBinner binner,
    double[][] actions) implements Task {
  public DiscretizedTask {
    actions = actions.clone();
  }

  @Override
  public boolean isDiscrete() {
    return true;
  }

  @Override
  public DiscreteEnv newEnv() {
    return new DiscretizedEnv(factory.get(), binner, actions);
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
