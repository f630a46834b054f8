package io.icrl.eval.agent;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.util.List;

/**
 * The sampling temperature of a model's action distribution per episode: it moves from {@code
 * start} (episode 1) to {@code end} (episode {@code annealEpisodes} and later), linearly or
 * geometrically. OmniRL anneals 1.0 to 0.1. A temperature of 0 means greedy (argmax).
 *
 * @param start temperature of episode 1
 * @param end temperature from episode {@code annealEpisodes} on
 * @param annealEpisodes episodes over which the temperature moves (1 = constant {@code end})
 * @param geometric true for geometric interpolation (needs {@code start, end > 0}), else linear
 */
public record TemperatureSchedule(double start, double end, int annealEpisodes, boolean geometric) {
  public TemperatureSchedule {
    if (!(start >= 0) || !(end >= 0) || Double.isInfinite(start) || Double.isInfinite(end)) {
      throw new InvalidInputException("temperature schedule: start and end must be finite and >= 0,"
          + " got " + start + " and " + end);
    }
    if (annealEpisodes < 1) {
      throw new InvalidInputException("temperature schedule: anneal-episodes must be >= 1, got "
          + annealEpisodes);
    }
    if (geometric && (start == 0 || end == 0)) {
      throw new InvalidInputException("temperature schedule: a geometric schedule needs start and"
          + " end > 0");
    }
  }

  /** A constant temperature. */
  public static TemperatureSchedule constant(double t) {
    return new TemperatureSchedule(t, t, 1, false);
  }

  /** Reads {@code start}, {@code end}, {@code anneal-episodes} and {@code shape} under {@code path}. */
  public static TemperatureSchedule fromConfig(Config c, String path) {
    String shape = Settings.oneOf(c, path + ".shape", List.of("linear", "geometric"));
    return new TemperatureSchedule(Settings.nonNegative(c, path + ".start"),
        Settings.nonNegative(c, path + ".end"), Settings.positiveInt(c, path + ".anneal-episodes"),
        shape.equals("geometric"));
  }

  /** The temperature of episode {@code episode} (numbered from 1). */
  public double at(int episode) {
    if (annealEpisodes == 1 || episode >= annealEpisodes) {
      return end;
    }
    if (episode <= 1) {
      return start;
    }
    double f = (episode - 1) / (double) (annealEpisodes - 1);
    if (geometric) {
      return start * StrictMath.pow(end / start, f);
    }
    return start + (end - start) * f;
  }
}
