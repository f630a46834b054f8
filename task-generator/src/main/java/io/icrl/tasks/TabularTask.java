package io.icrl.tasks;

import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.env.TabularEnv;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.Optional;

/** A task backed by an exact {@link TabularMdp}. */
public record TabularTask(String id, TabularMdp tabular) implements Task {
  @Override
  public boolean isDiscrete() {
    return true;
  }

  @Override
  public DiscreteEnv newEnv() {
    return new TabularEnv(tabular);
  }

  @Override
  public Optional<TabularMdp> mdp() {
    return Optional.of(tabular);
  }
}
