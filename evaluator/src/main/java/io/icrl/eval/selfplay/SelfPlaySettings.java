package io.icrl.eval.selfplay;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.core.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of {@code icrl selfplay} ({@code icrl.eval.selfplay}).
 *
 * @param sequences number of sequences to play
 * @param steps rows per sequence (as in {@code icrl.synth.steps})
 * @param seed root seed: the task, environment and sampling of sequence i derive from (seed, i)
 * @param shardSequences sequences per shard file
 * @param threads sequences played at once (0 = every core)
 * @param trainAtSteps training steps after which {@code icrl train} lets the run's checkpoint play
 *     and goes on with that play added to its data (strictly increasing; empty: none)
 */
public record SelfPlaySettings(int sequences, int steps, long seed, int shardSequences,
    int threads, List<Long> trainAtSteps) {
  /** The config path. */
  public static final String PATH = "icrl.eval.selfplay";

  public SelfPlaySettings {
    trainAtSteps = List.copyOf(trainAtSteps);
  }

  public static SelfPlaySettings from(Config c) {
    String p = PATH + ".";
    List<Long> at = new ArrayList<>();
    for (double d : Settings.numberList(c, p + "train-at-steps")) {
      long step = (long) d;
      if (step != d || step <= 0 || (!at.isEmpty() && step <= at.get(at.size() - 1))) {
        throw new InvalidInputException("setting " + p + "train-at-steps = "
            + c.getValue(p + "train-at-steps").render() + " (from "
            + c.getValue(p + "train-at-steps").origin().description()
            + "): expected strictly increasing positive whole step numbers");
      }
      at.add(step);
    }
    return new SelfPlaySettings(Settings.positiveInt(c, p + "sequences"),
        Settings.positiveInt(c, p + "steps"), Settings.longValue(c, p + "seed"),
        Settings.positiveInt(c, p + "shard-sequences"), Settings.nonNegativeInt(c, p + "threads"),
        at);
  }

  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  public int shardCount() {
    return (sequences + shardSequences - 1) / shardSequences;
  }

  /**
   * The settings of the round {@code icrl train} plays after {@code step}: the same, with a root
   * seed derived from (seed, "selfplay-round", step), so every round plays other tasks.
   */
  public SelfPlaySettings forTrainingRound(long step) {
    return new SelfPlaySettings(sequences, steps, Seeds.derive(seed, "selfplay-round", step),
        shardSequences, threads, List.of());
  }
}
