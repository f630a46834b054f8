package io.icrl.eval.agent;

import io.icrl.eval.context.ContextEpisode;

/**
 * An agent under evaluation. One instance plays one run: {@link #begin}, then the context data of
 * the mode (if any) through {@link #observeContext}, then E episodes of {@link #act} / {@link
 * #observe} pairs, then {@link #end}.
 *
 * <p>An episode starts with the first {@link #act} after {@link #begin} or after an {@link
 * #observe} that reported {@code terminated} or {@code truncated}. The agent keeps whatever memory
 * it has (Q-table, KV cache) across episodes of the run; learners keep learning, a frozen model
 * adapts only in context.
 */
public interface EvalAgent {
  /** Starts a run. */
  void begin(AgentRun run);

  /**
   * Shows one episode of context data (a demonstration or degraded data) before the agent acts.
   * Agents that cannot use data ignore it.
   */
  default void observeContext(ContextEpisode episode) {}

  /** The action to take in {@code state}. */
  int act(int state);

  /**
   * The outcome of the last action: its reward (the task's true reward), the next observation and
   * how the transition ended the episode, if it did.
   */
  void observe(double reward, int nextState, boolean terminated, boolean truncated);

  /** Ends the run and releases resources (a KV cache). */
  default void end() {}
}
