package io.icrl.eval;

import io.icrl.core.StrictConfig;
import java.util.List;

/** Evaluation settings for tests: the reference defaults plus overrides. */
public final class TestSettings {
  private TestSettings() {}

  public static EvalSettings with(String... overrides) {
    return EvalSettings.fromConfig(StrictConfig.load(null, List.of(overrides)));
  }
}
