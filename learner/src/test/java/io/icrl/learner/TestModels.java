package io.icrl.learner;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.icrl.core.StrictConfig;
import io.icrl.learner.data.InMemoryWindowSource;
import io.icrl.learner.data.SyntheticRollouts;
import io.icrl.learner.model.Devices;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.model.ModelConfig;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures: the tiny preset, small synthetic datasets, fresh models. */
public final class TestModels {
  private TestModels() {}

  /** Tiny-preset settings on one PyTorch thread, so float reductions are run-to-run identical. */
  public static LearnerSettings tiny(String... overrides) {
    List<String> sets = new ArrayList<>(List.of("icrl.learner.preset=tiny",
        "icrl.learner.device=cpu", "icrl.learner.threads=1"));
    sets.addAll(List.of(overrides));
    return LearnerSettings.from(StrictConfig.load(null, sets));
  }

  public static ModelConfig tinyConfig() {
    return tiny().model();
  }

  public static LearnerModel model(ModelConfig cfg, long seed) {
    Devices.configureThreads(1);
    return LearnerModel.create(cfg, seed, Device.cpu(), DataType.FLOAT32);
  }

  public static InMemoryWindowSource data(int sequences, int steps, long seed) {
    return SyntheticRollouts.generate(new SyntheticRollouts.Spec(sequences, steps, 6, 3, 12, seed));
  }
}
