package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.env.ContinuousEnv;
import java.util.SplittableRandom;

/**
 * Episode bookkeeping shared by the classic-control environments: seeding, the step counter and
 * TimeLimit truncation, the reset guard, the last transition's reward and flags, and validation of
 * observations given to {@link #setStateFromObservation}. Subclasses hold the physics.
 */
abstract class ClassicControlEnv implements ContinuousEnv {
  private final String name;
  private final int maxSteps;
  private SplittableRandom rng = new SplittableRandom(0);
  private int t;
  private double reward;
  private boolean terminated;
  private boolean truncated;
  private boolean needsReset = true;

  ClassicControlEnv(String name, int maxEpisodeSteps) {
    if (maxEpisodeSteps <= 0) {
      throw new InvalidInputException(name + " max episode steps must be positive, got "
          + maxEpisodeSteps);
    }
    this.name = name;
    this.maxSteps = maxEpisodeSteps;
  }

  /** Draws the initial state of an episode from {@code rng}. */
  abstract void drawInitialState(SplittableRandom rng);

  /** Sets the state from a validated observation of {@link #observationDim()} finite values. */
  abstract void setState(double[] observation);

  /** The current observation, rounded as Gymnasium's float32 observations. */
  abstract double[] observation();

  /** What the observation's values are, for error messages. */
  abstract String observationDescription();

  @Override
  public final int maxEpisodeSteps() {
    return maxSteps;
  }

  @Override
  public final double[] reset(long seed) {
    rng = new SplittableRandom(seed);
    return reset();
  }

  @Override
  public final double[] reset() {
    drawInitialState(rng);
    return restart();
  }

  @Override
  public final void setStateFromObservation(double[] observation) {
    int dim = observationDim();
    if (observation == null || observation.length != dim) {
      throw new InvalidInputException(name + " observation needs " + dim + " values ("
          + observationDescription() + "), got " + (observation == null ? 0 : observation.length));
    }
    for (double v : observation) {
      if (!Double.isFinite(v)) {
        throw new InvalidInputException(name + " observation has a non-finite value: " + v);
      }
    }
    setState(observation);
    restart();
  }

  private double[] restart() {
    t = 0;
    reward = 0;
    terminated = false;
    truncated = false;
    needsReset = false;
    return observation();
  }

  /** Fails unless an episode is running. */
  final void checkRunning() {
    if (needsReset) {
      throw new IllegalStateException("step() called before reset() or after the episode ended");
    }
  }

  /** Records a finished transition and returns the new observation. */
  final double[] finishStep(double stepReward, boolean reachedTerminal) {
    reward = stepReward;
    terminated = reachedTerminal;
    t++;
    truncated = !terminated && t >= maxSteps;
    needsReset = terminated || truncated;
    return observation();
  }

  @Override
  public final double reward() {
    return reward;
  }

  @Override
  public final boolean terminated() {
    return terminated;
  }

  @Override
  public final boolean truncated() {
    return truncated;
  }
}
