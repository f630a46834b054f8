package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;
import java.util.SplittableRandom;

/**
 * Gymnasium's MountainCar-v0: drive an underpowered car up the right hill.
 *
 * <p>State (position, velocity). Action 0 pushes left, 1 does nothing, 2 pushes right: {@code
 * velocity += (action - 1) 0.001 - 0.0025 cos(3 position)}, clipped to [-0.07, 0.07], then {@code
 * position += velocity} clipped to [-1.2, 0.6], and the velocity is zeroed when the car hits the
 * left wall moving left. Every step gives -1; the episode terminates when position >= 0.5 and
 * velocity >= the goal velocity (0 by default), and is truncated after the step limit (200 as
 * registered). The observation is (position, velocity) rounded to float32. Resets draw the position
 * uniformly in [-0.6, -0.4] with velocity 0.
 */
public final class MountainCarEnv extends ClassicControlEnv {
  public static final int DEFAULT_MAX_STEPS = 200;
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.5;
  private static final double FORCE = 0.001;
  private static final double GRAVITY = 0.0025;

  private final double goalVelocity;
  private double position;
  private double velocity;

  public MountainCarEnv() {
    this(0.0, DEFAULT_MAX_STEPS);
  }

  public MountainCarEnv(double goalVelocity, int maxEpisodeSteps) {
    super("MountainCar", maxEpisodeSteps);
    if (!Double.isFinite(goalVelocity)) {
      throw new InvalidInputException("MountainCar goal_velocity must be finite, got "
          + goalVelocity);
    }
    this.goalVelocity = goalVelocity;
  }

  @Override
  public int observationDim() {
    return 2;
  }

  @Override
  public int discreteActions() {
    return 3;
  }

  @Override
  public int actionDim() {
    return 1;
  }

  @Override
  public double[] actionLow() {
    return new double[] {0};
  }

  @Override
  public double[] actionHigh() {
    return new double[] {2};
  }

  @Override
  void drawInitialState(SplittableRandom rng) {
    position = -0.6 + 0.2 * rng.nextDouble();
    velocity = 0.0;
  }

  @Override
  void setState(double[] observation) {
    position = observation[0];
    velocity = observation[1];
  }

  @Override
  String observationDescription() {
    return "position, velocity";
  }

  @Override
  public double[] step(double[] action) {
    if (action == null || action.length != 1) {
      throw new InvalidInputException("MountainCar takes one action index, got "
          + java.util.Arrays.toString(action));
    }
    double a = action[0];
    if (a != 0 && a != 1 && a != 2) {
      throw new InvalidInputException("MountainCar action must be 0, 1 or 2, got " + a);
    }
    return step((int) a);
  }

  /** Applies action 0 (left), 1 (none) or 2 (right). */
  public double[] step(int action) {
    checkRunning();
    if (action < 0 || action > 2) {
      throw new InvalidInputException("MountainCar action must be 0, 1 or 2, got " + action);
    }
    velocity += (action - 1) * FORCE + StrictMath.cos(3 * position) * (-GRAVITY);
    velocity = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, velocity));
    position += velocity;
    position = Math.max(MIN_POSITION, Math.min(MAX_POSITION, position));
    if (position == MIN_POSITION && velocity < 0) {
      velocity = 0;
    }
    return finishStep(-1.0, position >= GOAL_POSITION && velocity >= goalVelocity);
  }

  @Override
  double[] observation() {
    return new double[] {(float) position, (float) velocity};
  }

  public double position() {
    return position;
  }

  public double velocity() {
    return velocity;
  }
}
