package io.icrl.eval.agent;

import io.icrl.eval.Mode;
import io.icrl.eval.task.PreparedTask;

/**
 * Makes agents of one kind (e.g. {@code q-learning}) for a prepared task. Factories are shared by
 * worker threads and must be thread-safe; each agent is used by one thread only.
 */
public interface AgentFactory {
  /** The agent's name in outputs ({@code results.csv}, plots). */
  String name();

  /** Whether this agent takes part in runs of {@code mode}. */
  default boolean supports(Mode mode) {
    return true;
  }

  /** A fresh agent for one run on {@code task}. */
  EvalAgent create(PreparedTask task);
}
