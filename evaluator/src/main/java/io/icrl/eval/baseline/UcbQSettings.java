package io.icrl.eval.baseline;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;

/**
 * UCB Q-learning settings ({@code icrl.eval.ucb-q}).
 *
 * @param gamma discount
 * @param bonus scale {@code c} of the exploration bonus
 * @param minLearningRate floor of the visit-count learning rate
 * @param learnFromContext whether the mode's context data is replayed through the update first
 */
public record UcbQSettings(double gamma, double bonus, double minLearningRate,
    boolean learnFromContext) {
  public UcbQSettings {
    if (!(gamma >= 0 && gamma < 1)) {
      throw new InvalidInputException("ucb-q gamma must be in [0, 1), got " + gamma);
    }
    if (!(bonus >= 0) || Double.isInfinite(bonus)) {
      throw new InvalidInputException("ucb-q bonus must be finite and >= 0, got " + bonus);
    }
    if (!(minLearningRate > 0 && minLearningRate <= 1)) {
      throw new InvalidInputException("ucb-q min-learning-rate must be in (0, 1], got "
          + minLearningRate);
    }
  }

  public static UcbQSettings fromConfig(Config c, String path) {
    return new UcbQSettings(Settings.probability(c, path + ".gamma"),
        Settings.nonNegative(c, path + ".bonus"),
        Settings.positive(c, path + ".min-learning-rate"),
        Settings.bool(c, path + ".learn-from-context"));
  }
}
