package io.icrl.eval.baseline;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;

/**
 * Model-based learner settings ({@code icrl.eval.model-based}).
 *
 * @param gamma discount of planning
 * @param bonus optimism {@code c} of the sampled bonus {@code U(0,1) * c * sigma_r / sqrt(n + 1) /
 *     (1 - gamma)}
 * @param sweeps value-iteration sweeps per planning call
 * @param replanInterval transitions between planning calls within an episode (every episode end
 *     plans too)
 * @param learnFromContext whether the mode's context data is replayed into the model first
 */
public record ModelBasedSettings(double gamma, double bonus, int sweeps, int replanInterval,
    boolean learnFromContext) {
  public ModelBasedSettings {
    if (!(gamma >= 0 && gamma < 1)) {
      throw new InvalidInputException("model-based gamma must be in [0, 1), got " + gamma);
    }
    if (!(bonus >= 0) || Double.isInfinite(bonus)) {
      throw new InvalidInputException("model-based bonus must be finite and >= 0, got " + bonus);
    }
    if (sweeps < 1) {
      throw new InvalidInputException("model-based sweeps must be >= 1, got " + sweeps);
    }
    if (replanInterval < 1) {
      throw new InvalidInputException("model-based replan-interval must be >= 1, got "
          + replanInterval);
    }
  }

  public static ModelBasedSettings fromConfig(Config c, String path) {
    return new ModelBasedSettings(Settings.probability(c, path + ".gamma"),
        Settings.nonNegative(c, path + ".bonus"),
        Settings.positiveInt(c, path + ".sweeps"),
        Settings.positiveInt(c, path + ".replan-interval"),
        Settings.bool(c, path + ".learn-from-context"));
  }
}
