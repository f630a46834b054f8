package io.icrl.tasks.gym;

/**
 * OmniRL's discretization of the classic-control tasks (airsoul's {@code MapStateToDiscrete} and
 * {@code MapActionToContinuous}), with a configurable grid ({@code 12x5} in OmniRL's evaluation).
 *
 * <ul>
 *   <li>Pendulum: theta = atan2(sin, cos) of the float32 observation, shifted into [0, 2 pi) by
 *       adding 2 pi to negative angles, in equal bins over [0, 2 pi]; thetadot in equal bins over
 *       [-8, 8]. Five actions map linearly to the torques {-2, -1, 0, 1, 2}.
 *   <li>MountainCar: position in equal bins over [-1.2, 0.6], velocity in equal bins over [-0.07,
 *       0.07]; the three actions are kept.
 * </ul>
 *
 * <p>Bins follow {@link UniformBins} (NumPy linspace edges, digitize, clip). Rewards are the
 * environment's own (OmniRL's wrapper applies no shaping by default and skips no frames).
 */
public final class OmniRlDiscretization {
  private OmniRlDiscretization() {}

  /** Pendulum's angle x velocity grid. */
  public static ObservationBinner pendulum(BinSpec spec) {
    UniformBins angle = new UniformBins(0.0, 2 * Math.PI, spec.first());
    UniformBins speed = new UniformBins(-PendulumEnv.MAX_SPEED, PendulumEnv.MAX_SPEED,
        spec.second());
    return new ObservationBinner() {
      @Override
      public int states() {
        return spec.states();
      }

      @Override
      public int state(double[] obs) {
        double theta = StrictMath.atan2(obs[1], obs[0]);
        if (theta < 0) {
          theta += 2 * Math.PI;
        }
        return spec.second() * angle.index(theta) + speed.index(obs[2]);
      }
    };
  }

  /** Pendulum's discrete actions: {@code n} torques spread linearly over [-2, 2] (OmniRL: 5). */
  public static double[][] pendulumTorques(int n) {
    double step = (PendulumEnv.MAX_TORQUE - -PendulumEnv.MAX_TORQUE) / (n - 1);
    double[][] actions = new double[n][];
    for (int a = 0; a < n; a++) {
      actions[a] = new double[] {-PendulumEnv.MAX_TORQUE + a * step};
    }
    return actions;
  }

  /** MountainCar's position x velocity grid. */
  public static ObservationBinner mountainCar(BinSpec spec) {
    UniformBins position = new UniformBins(MountainCarEnv.MIN_POSITION,
        MountainCarEnv.MAX_POSITION, spec.first());
    UniformBins velocity = new UniformBins(-MountainCarEnv.MAX_SPEED, MountainCarEnv.MAX_SPEED,
        spec.second());
    return new ObservationBinner() {
      @Override
      public int states() {
        return spec.states();
      }

      @Override
      public int state(double[] obs) {
        return spec.second() * position.index(obs[0]) + velocity.index(obs[1]);
      }
    };
  }

  /** MountainCar's discrete actions, unchanged: 0 left, 1 none, 2 right. */
  public static double[][] mountainCarActions() {
    return new double[][] {{0}, {1}, {2}};
  }
}
