package io.icrl.tasks.env;

/**
 * An environment with Gymnasium semantics over a continuous (Box) observation space, such as
 * Pendulum-v1 or MountainCar-v0. Actions are given as a vector: a Box action space takes its
 * components, a Discrete one takes the index as {@code action[0]}.
 *
 * <p>As in {@link DiscreteEnv}, {@link #step(double[])} returns the observation and the other
 * accessors describe the same transition. Observations are returned as float64 values rounded the
 * way Gymnasium's float32 observations are.
 */
public interface ContinuousEnv {
  /** Dimension of the observation vector. */
  int observationDim();

  /** Number of discrete actions, or 0 when the action space is a Box. */
  int discreteActions();

  /** Dimension of a Box action (1 for Pendulum); 1 for discrete actions (the index). */
  int actionDim();

  /** Lower bounds of a Box action space (the index range for discrete actions). */
  double[] actionLow();

  /** Upper bounds of a Box action space (the index range for discrete actions). */
  double[] actionHigh();

  /** Steps after which an episode is truncated. */
  int maxEpisodeSteps();

  /** Reseeds, starts an episode and returns its first observation. */
  double[] reset(long seed);

  /** Starts an episode continuing the current random stream. */
  double[] reset();

  /**
   * Sets the internal state from an observation (as Gymnasium would have produced it) and restarts
   * the step counter, so a reference rollout can be replayed from its initial observation.
   */
  void setStateFromObservation(double[] observation);

  /** Applies the action and returns the next observation. */
  double[] step(double[] action);

  double reward();

  boolean terminated();

  boolean truncated();
}
