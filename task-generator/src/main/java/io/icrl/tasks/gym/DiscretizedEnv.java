package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.env.ContinuousEnv;
import io.icrl.tasks.env.DiscreteEnv;

/**
 * A continuous environment seen through a discretization: observations become bin indices (an
 * {@link ObservationBinner}) and each discrete action stands for a fixed continuous action.
 * Rewards, termination, truncation, step limit and seeding are the inner environment's. There is
 * no exact MDP behind it ({@link #mdp()} is empty).
 */
public final class DiscretizedEnv implements DiscreteEnv {
  private final ContinuousEnv inner;
  private final ObservationBinner binner;
  private final double[][] actions;
  private double[] lastObservation;

  /** {@code actions[a]} is the continuous action applied for discrete action {@code a}. */
  public DiscretizedEnv(ContinuousEnv inner, ObservationBinner binner, double[][] actions) {
    this.inner = inner;
    this.binner = binner;
    this.actions = actions.clone();
  }

  @Override
  public int observationCount() {
    return binner.states();
  }

  @Override
  public int actionCount() {
    return actions.length;
  }

  @Override
  public int maxEpisodeSteps() {
    return inner.maxEpisodeSteps();
  }

  @Override
  public int reset(long seed) {
    lastObservation = inner.reset(seed);
    return binner.state(lastObservation);
  }

  @Override
  public int reset() {
    lastObservation = inner.reset();
    return binner.state(lastObservation);
  }

  @Override
  public int step(int action) {
    if (action < 0 || action >= actions.length) {
      throw new InvalidInputException("action " + action + " out of range [0, " + actions.length
          + ")");
    }
    lastObservation = inner.step(actions[action]);
    return binner.state(lastObservation);
  }

  @Override
  public double reward() {
    return inner.reward();
  }

  @Override
  public boolean terminated() {
    return inner.terminated();
  }

  @Override
  public boolean truncated() {
    return inner.truncated();
  }

  /** The continuous observation behind the last discrete one (null before the first reset). */
  public double[] lastObservation() {
    return lastObservation == null ? null : lastObservation.clone();
  }

  /** The continuous action discrete action {@code a} applies, a copy. */
  public double[] continuousAction(int a) {
    return actions[a].clone();
  }
}
