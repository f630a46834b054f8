package io.icrl.eval.agent;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.util.List;

/**
 * The sampling temperature of a model's action distribution, fixed for each episode at its start:
 * it moves from {@code start} to {@code end}, linearly or geometrically, either over episodes
 * (episode 1 plays at {@code start}, episode {@code annealEpisodes} and later at {@code end}) or,
 * when {@code annealSteps > 0}, over the agent's own environment steps taken before the episode
 * (OmniRL's evaluation anneals 1.0 to 0.1 linearly over 10,000 steps this way). A temperature of 0
 * means greedy (argmax).
 *
 * @param start temperature of episode 1
 * @param end temperature once annealed
 * @param annealEpisodes episodes over which the temperature moves (1 = constant {@code end}); used
 *     when {@code annealSteps} is 0
 * @param geometric true for geometric interpolation (needs {@code start, end > 0}), else linear
 * @param annealSteps when positive, the temperature moves over this many steps instead
 */
public record TemperatureSchedule(double start, double end, int annealEpisodes, boolean geometric,
    long annealSteps) {
  public TemperatureSchedule {
    if (!(start >= 0) || !(end >= 0) || Double.isInfinite(start) || Double.isInfinite(end)) {
      throw new InvalidInputException("temperature schedule: start and end must be finite and >= 0,"
          + " got " + start + " and " + end);
    }
    if (annealEpisodes < 1) {
      throw new InvalidInputException("temperature schedule: anneal-episodes must be >= 1, got "
          + annealEpisodes);
    }
    if (annealSteps < 0) {
      throw new InvalidInputException("temperature schedule: anneal-steps must be >= 0, got "
          + annealSteps);
    }
    if (geometric && (start == 0 || end == 0)) {
      throw new InvalidInputException("temperature schedule: a geometric schedule needs start and"
          + " end > 0");
    }
  }

  /** A schedule over episodes. */
  public TemperatureSchedule(double start, double end, int annealEpisodes, boolean geometric) {
    this(start, end, annealEpisodes, geometric, 0);
  }

  /** A constant temperature. */
  public static TemperatureSchedule constant(double t) {
    return new TemperatureSchedule(t, t, 1, false);
  }

  /**
   * Reads {@code start}, {@code end}, {@code anneal-episodes}, {@code anneal-steps} and {@code
   * shape} under {@code path}.
   */
  public static TemperatureSchedule fromConfig(Config c, String path) {
    String shape = Settings.oneOf(c, path + ".shape", List.of("linear", "geometric"));
    long steps = Settings.longValue(c, path + ".anneal-steps");
    if (steps < 0) {
      throw new InvalidInputException("setting " + path + ".anneal-steps = " + steps
          + ": must be >= 0");
    }
    return new TemperatureSchedule(Settings.nonNegative(c, path + ".start"),
        Settings.nonNegative(c, path + ".end"), Settings.positiveInt(c, path + ".anneal-episodes"),
        shape.equals("geometric"), steps);
  }

  /** The temperature of episode {@code episode} (numbered from 1) of a schedule over episodes. */
  public double at(int episode) {
    return at(episode, 0);
  }

  /**
   * The temperature of episode {@code episode} (numbered from 1), which starts after the agent
   * took {@code stepsBefore} environment steps of its own.
   */
  public double at(int episode, long stepsBefore) {
    double f;
    if (annealSteps > 0) {
      f = Math.min(1.0, stepsBefore / (double) annealSteps);
    } else if (annealEpisodes == 1 || episode >= annealEpisodes) {
      f = 1;
    } else if (episode <= 1) {
      f = 0;
    } else {
      f = (episode - 1) / (double) (annealEpisodes - 1);
    }
    if (f >= 1) {
      return end;
    }
    if (f <= 0) {
      return start;
    }
    if (geometric) {
      return start * StrictMath.pow(end / start, f);
    }
    return start + (end - start) * f;
  }
}
