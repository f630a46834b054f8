package io.icrl.eval;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.util.List;

/**
 * How the in-context model of a checkpoint runs during evaluation ({@code icrl.eval.model}).
 *
 * @param device {@code auto} (first GPU, else CPU), {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param precision trunk precision: {@code auto} (bf16 on GPUs, fp32 on CPU), {@code fp32}, {@code
 *     bf16}, {@code fp16}
 * @param threads PyTorch intra-op threads; 0 = the available cores divided by the sweep's worker
 *     threads (at least 1), so cells running in parallel do not oversubscribe the CPU
 * @param context steps one run's context holds (its KV cache)
 * @param keepFraction when the context is full, the oldest whole episodes are dropped until at
 *     most this fraction of it remains
 */
public record ModelSettings(String device, String precision, int threads, int context,
    double keepFraction) {
  public ModelSettings {
    if (context < 2) {
      throw new InvalidInputException("setting " + EvalSettings.PATH + ".model.context = "
          + context + ": must be at least 2");
    }
    if (!(keepFraction > 0 && keepFraction < 1)) {
      throw new InvalidInputException("setting " + EvalSettings.PATH + ".model.keep-fraction = "
          + keepFraction + ": must be in (0, 1)");
    }
  }

  /** Reads the settings under {@code path}. */
  public static ModelSettings fromConfig(Config c, String path) {
    return new ModelSettings(Settings.string(c, path + ".device"),
        Settings.oneOf(c, path + ".precision", List.of("auto", "fp32", "bf16", "fp16")),
        Settings.nonNegativeInt(c, path + ".threads"), Settings.positiveInt(c, path + ".context"),
        Settings.probability(c, path + ".keep-fraction"));
  }

  /** The intra-op thread count for {@code workers} cells running in parallel. */
  public int intraOpThreads(int workers) {
    if (threads > 0) {
      return threads;
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
  }

  /** What changes the model's outputs (not the thread count), for sweep fingerprints. */
  public String fingerprint() {
    return "device=" + device + ",precision=" + precision + ",context=" + context
        + ",keep-fraction=" + keepFraction;
  }
}
