package io.icrl.tasks.env;

import io.icrl.tasks.mdp.TabularMdp;
import java.util.Optional;

/**
 * An environment with Gymnasium semantics over discrete observation and action spaces.
 *
 * <p>Gymnasium's {@code step(action) -> (obs, reward, terminated, truncated, info)} is split so the
 * hot loop allocates nothing: {@link #step(int)} returns the observation and {@link #reward()},
 * {@link #terminated()} and {@link #truncated()} describe the same transition until the next call.
 * {@code terminated} means the MDP reached a terminal state; {@code truncated} means the step limit
 * ({@link #maxEpisodeSteps()}, Gymnasium's TimeLimit) cut the episode. After either, call a reset.
 *
 * <p>An environment is not thread-safe; make one per thread. Its randomness comes only from the
 * seed passed to {@link #reset(long)} (a reset without a seed continues the same stream, as in
 * Gymnasium).
 */
public interface DiscreteEnv {
  /** Size of the observation space, {@code Discrete(n)}. */
  int observationCount();

  /** Size of the action space, {@code Discrete(n)}. */
  int actionCount();

  /** Steps after which an episode is truncated. */
  int maxEpisodeSteps();

  /** Reseeds the environment's generator, starts an episode and returns its first observation. */
  int reset(long seed);

  /** Starts an episode, continuing the current random stream; returns the first observation. */
  int reset();

  /** Applies {@code action} and returns the next observation. */
  int step(int action);

  /** Reward of the last step. */
  double reward();

  /** Whether the last step reached a terminal state. */
  boolean terminated();

  /** Whether the last step hit the step limit without terminating. */
  boolean truncated();

  /** The underlying MDP when the environment is tabular, so exact solvers can run on it. */
  default Optional<TabularMdp> mdp() {
    return Optional.empty();
  }
}
