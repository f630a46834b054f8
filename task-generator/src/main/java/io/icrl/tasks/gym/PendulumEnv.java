package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;
import java.util.SplittableRandom;

/**
 * Gymnasium's Pendulum-v1: swing a pendulum up and keep it upright.
 *
 * <p>State (theta, thetadot), theta 0 upright. A step with torque {@code u} clipped to [-2, 2]
 * costs {@code normalize(theta)^2 + 0.1 thetadot^2 + 0.001 u^2} (reward is minus that, computed
 * from the state before the step), then {@code thetadot += (3 g / 2 sin(theta) + 3 u) dt} clipped
 * to [-8, 8] and {@code theta += thetadot dt}, with dt 0.05, m = l = 1. The observation is {@code
 * (cos theta, sin theta, thetadot)} rounded to float32. Resets draw theta uniformly in [-pi, pi] and
 * thetadot in [-1, 1]. Never terminates; truncated after the step limit (200 as registered).
 */
public final class PendulumEnv extends ClassicControlEnv {
  public static final double DEFAULT_G = 10.0;
  public static final int DEFAULT_MAX_STEPS = 200;
  static final double MAX_SPEED = 8.0;
  static final double MAX_TORQUE = 2.0;
  static final double DT = 0.05;
  private static final double M = 1.0;
  private static final double L = 1.0;

  private final double g;
  private double theta;
  private double thetaDot;

  public PendulumEnv() {
    this(DEFAULT_G, DEFAULT_MAX_STEPS);
  }

  public PendulumEnv(double g, int maxEpisodeSteps) {
    super("Pendulum", maxEpisodeSteps);
    if (!Double.isFinite(g)) {
      throw new InvalidInputException("Pendulum gravity g must be finite, got " + g);
    }
    this.g = g;
  }

  @Override
  public int observationDim() {
    return 3;
  }

  @Override
  public int discreteActions() {
    return 0;
  }

  @Override
  public int actionDim() {
    return 1;
  }

  @Override
  public double[] actionLow() {
    return new double[] {-MAX_TORQUE};
  }

  @Override
  public double[] actionHigh() {
    return new double[] {MAX_TORQUE};
  }

  @Override
  void drawInitialState(SplittableRandom rng) {
    theta = -Math.PI + 2 * Math.PI * rng.nextDouble();
    thetaDot = -1.0 + 2.0 * rng.nextDouble();
  }

  @Override
  void setState(double[] observation) {
    theta = StrictMath.atan2(observation[1], observation[0]);
    thetaDot = observation[2];
  }

  @Override
  String observationDescription() {
    return "cos theta, sin theta, thetadot";
  }

  @Override
  public double[] step(double[] action) {
    checkRunning();
    if (action == null || action.length != 1 || Double.isNaN(action[0])) {
      throw new InvalidInputException("Pendulum takes one torque value, got "
          + java.util.Arrays.toString(action));
    }
    double u = Math.max(-MAX_TORQUE, Math.min(MAX_TORQUE, action[0]));
    double th = angleNormalize(theta);
    double costs = th * th + 0.1 * (thetaDot * thetaDot) + 0.001 * (u * u);
    double newThetaDot = thetaDot
        + (3 * g / (2 * L) * StrictMath.sin(theta) + 3.0 / (M * L * L) * u) * DT;
    newThetaDot = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, newThetaDot));
    theta = theta + newThetaDot * DT;
    thetaDot = newThetaDot;
    return finishStep(-costs, false);
  }

  /** Python's {@code ((x + pi) % (2 pi)) - pi}: the angle in [-pi, pi). */
  static double angleNormalize(double x) {
    double twoPi = 2 * Math.PI;
    double r = (x + Math.PI) % twoPi;
    if (r != 0 && r < 0) {
      r += twoPi;
    }
    return r - Math.PI;
  }

  @Override
  double[] observation() {
    return new double[] {
      (float) StrictMath.cos(theta), (float) StrictMath.sin(theta), (float) thetaDot
    };
  }

  /** The pendulum angle (0 upright), unnormalized as Gymnasium keeps it. */
  public double theta() {
    return theta;
  }

  /** The angular velocity. */
  public double thetaDot() {
    return thetaDot;
  }
}
