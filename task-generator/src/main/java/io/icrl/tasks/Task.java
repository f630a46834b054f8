package io.icrl.tasks;

import io.icrl.tasks.env.ContinuousEnv;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.Optional;

/**
 * A task made from a task id: a factory of fresh environments plus, for tabular tasks, the exact
 * MDP. Every task with discrete observations (tabular or discretized) offers {@link #newEnv()};
 * continuous tasks offer {@link #newContinuousEnv()}.
 */
public interface Task {
  /** The canonical id that recreates this task. */
  String id();

  /** True when {@link #newEnv()} is available. */
  boolean isDiscrete();

  /** A fresh discrete environment. */
  DiscreteEnv newEnv();

  /** A fresh continuous environment; throws for tasks that have none. */
  default ContinuousEnv newContinuousEnv() {
    throw new UnsupportedOperationException(id() + " has no continuous observation space");
  }

  /** The exact tabular MDP when the task is tabular. */
  Optional<TabularMdp> mdp();
}
