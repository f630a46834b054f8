package io.icrl.learner;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import io.icrl.learner.bench.BenchSettings;
import io.icrl.learner.infer.InferSettings;
import io.icrl.learner.model.ModelConfig;
import io.icrl.learner.train.LossWeights;
import io.icrl.learner.train.TrainSettings;
import java.util.List;
import java.util.Map;

/**
 * Everything under {@code icrl.learner}, with the size preset applied: a key under {@code model}
 * or {@code train} that is null in the configuration takes its value from {@code
 * icrl.learner.presets.<preset>}.
 */
public record LearnerSettings(String preset, long seed, String device, String precision,
    int threads, ModelConfig model, TrainSettings train, LossWeights loss, InferSettings infer,
    BenchSettings bench) {

  public static final String NS = "icrl.learner";

  /** Reads and validates the settings from a loaded (strict) configuration. */
  public static LearnerSettings from(Config c) {
    String preset = Settings.string(c, NS + ".preset");
    String presetPath = NS + ".presets." + preset;
    if (!c.hasPath(presetPath)) {
      throw new InvalidInputException("setting " + NS + ".preset = " + preset + ": no such preset;"
          + " known presets: " + c.getConfig(NS + ".presets").root().keySet());
    }
    Resolver r = new Resolver(c, presetPath);
    String m = NS + ".model.";
    ModelConfig model = new ModelConfig(r.positiveInt("model.layers"),
        r.positiveInt("model.d-model"), r.positiveInt("model.heads"),
        r.positiveInt("model.mlp-hidden"), Settings.positiveInt(c, m + "state-vocab"),
        Settings.positiveInt(c, m + "action-vocab"), Settings.positiveInt(c, m + "prompt-vocab"),
        Settings.positiveInt(c, m + "reward-hidden"), Settings.bool(c, m + "return-feature"));
    String t = NS + ".train.";
    TrainSettings train = new TrainSettings(r.positiveInt("train.window"),
        r.positiveInt("train.batch"), r.positiveInt("train.steps"), r.positive("train.lr"),
        r.nonNegativeInt("train.warmup-steps"),
        Settings.oneOf(c, t + "schedule", List.of("cosine", "noam")),
        Settings.probability(c, t + "min-lr-ratio"), Settings.probability(c, t + "beta1"),
        Settings.probability(c, t + "beta2"), Settings.positive(c, t + "eps"),
        Settings.nonNegative(c, t + "weight-decay"), Settings.nonNegative(c, t + "grad-clip"),
        Settings.bool(c, t + "permute"), Settings.positiveInt(c, t + "checkpoint-every"),
        Settings.positiveInt(c, t + "log-every"), Settings.nonNegativeInt(c, t + "max-skipped-steps"),
        Settings.positive(c, t + "suspect-grad-norm"));
    String l = NS + ".loss.";
    LossWeights loss = new LossWeights(Settings.nonNegative(c, l + "policy"),
        Settings.nonNegative(c, l + "next-state"), Settings.nonNegative(c, l + "reward"),
        Settings.positiveInt(c, l + "ramp-steps"));
    InferSettings infer = new InferSettings(Settings.positiveInt(c, NS + ".infer.context"),
        Settings.probability(c, NS + ".infer.keep-fraction"));
    String b = NS + ".bench.";
    List<Integer> contexts = Settings.numberList(c, b + "infer-contexts").stream()
        .map(Double::intValue).toList();
    BenchSettings bench = new BenchSettings(Settings.positiveInt(c, b + "threads"),
        Settings.positiveInt(c, b + "train-steps"), Settings.nonNegativeInt(c, b + "warmup-steps"),
        contexts, Settings.positiveInt(c, b + "infer-steps"));
    return new LearnerSettings(preset, Settings.longValue(c, NS + ".seed"),
        Settings.string(c, NS + ".device"),
        Settings.oneOf(c, NS + ".precision", List.of("auto", "fp32", "bf16", "fp16")),
        Settings.nonNegativeInt(c, NS + ".threads"), model, train, loss, infer, bench);
  }

  /** The raw {@code icrl.learner} subtree as plain maps (for manifests). */
  public static Map<String, Object> rawConfig(Config c) {
    return c.getConfig(NS).root().unwrapped();
  }

  /** Looks a key up under icrl.learner, falling back to the preset when it is null. */
  private record Resolver(Config c, String presetPath) {
    String path(String key) {
      String own = NS + "." + key;
      if (c.hasPath(own)) {
        return own;
      }
      String p = presetPath + "." + key;
      if (!c.hasPath(p)) {
        throw new InvalidInputException("setting " + own + " is null and preset " + presetPath
            + " does not set " + key);
      }
      return p;
    }

    int positiveInt(String key) {
      return Settings.positiveInt(c, path(key));
    }

    int nonNegativeInt(String key) {
      return Settings.nonNegativeInt(c, path(key));
    }

    double positive(String key) {
      return Settings.positive(c, path(key));
    }
  }
}
