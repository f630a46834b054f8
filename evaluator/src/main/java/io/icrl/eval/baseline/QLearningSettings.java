package io.icrl.eval.baseline;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;

/**
 * Tabular Q-learning settings ({@code icrl.eval.q-learning}); OmniRL's baseline uses learning rate
 * 0.2 and gamma 0.99 with epsilon-greedy exploration.
 *
 * @param learningRate step size of the TD update
 * @param gamma discount
 * @param epsilon probability of a random action
 * @param learnFromContext whether the mode's context data is replayed through the update first
 */
public record QLearningSettings(double learningRate, double gamma, double epsilon,
    boolean learnFromContext) {
  public QLearningSettings {
    if (!(learningRate > 0 && learningRate <= 1)) {
      throw new InvalidInputException("q-learning learning-rate must be in (0, 1], got "
          + learningRate);
    }
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new InvalidInputException("q-learning gamma must be in [0, 1], got " + gamma);
    }
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new InvalidInputException("q-learning epsilon must be in [0, 1], got " + epsilon);
    }
  }

  public static QLearningSettings fromConfig(Config c, String path) {
    return new QLearningSettings(Settings.positive(c, path + ".learning-rate"),
        Settings.probability(c, path + ".gamma"), Settings.probability(c, path + ".epsilon"),
        Settings.bool(c, path + ".learn-from-context"));
  }
}
