package io.icrl.eval.selfplay;

import com.typesafe.config.Config;
import io.icrl.core.Settings;

/**
 * Settings of {@code icrl selfplay} ({@code icrl.eval.selfplay}).
 *
 * @param sequences number of sequences to play
 * @param steps rows per sequence (as in {@code icrl.synth.steps})
 * @param seed root seed: the task, environment and sampling of sequence i derive from (seed, i)
 * @param shardSequences sequences per shard file
 * @param threads sequences played at once (0 = every core)
 */
public record SelfPlaySettings(int sequences, int steps, long seed, int shardSequences,
    int threads) {
  /** The config path. */
  public static final String PATH = "icrl.eval.selfplay";

  public static SelfPlaySettings from(Config c) {
    String p = PATH + ".";
    return new SelfPlaySettings(Settings.positiveInt(c, p + "sequences"),
        Settings.positiveInt(c, p + "steps"), Settings.longValue(c, p + "seed"),
        Settings.positiveInt(c, p + "shard-sequences"), Settings.nonNegativeInt(c, p + "threads"));
  }

  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  public int shardCount() {
    return (sequences + shardSequences - 1) / shardSequences;
  }
}
