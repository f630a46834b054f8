package io.icrl.learner.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.icrl.learner.TestModels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KvCacheTest {
  @Test
  void cachedStepsEqualTheFullForwardPass() {
    ModelConfig cfg = TestModels.tinyConfig();
    int steps = 48;
    try (LearnerModel model = TestModels.model(cfg, 11);
        KvCache cache = new KvCache(cfg, steps, model.device(), DataType.FLOAT32)) {
      StepTokens tokens = new StepTokens(1, steps);
      CausalityTest.randomTokens(cfg, tokens, new SplittableRandom(9));
      float[] full;
      try (NDManager m = model.manager().newSubManager()) {
        NDArray h = model.block().trunk(model.store(), tokens.toNDList(m), false);
        full = model.block().policyLogits(model.store(), h, false).toFloatArray();
      }
      int av = cfg.actionVocab();
      // one step at a time, then a chunk of 5, then the rest one by one
      int pos = 0;
      while (pos < steps) {
        int n = pos == 20 ? 5 : 1;
        try (NDManager m = model.manager().newSubManager()) {
          NDList in = tokens.toNDList(m, pos, n);
          NDArray h = model.block().trunkCached(model.store(), in, cache);
          float[] got = model.block().policyLogits(model.store(), h, false).toFloatArray();
          float[] want = CausalityTest.slice(full, pos * av, n * av);
          double d = CausalityTest.maxDiff(got, want);
          assertTrue(d < 1e-4, "position " + pos + ": cached differs from full by " + d);
        }
        pos += n;
      }
    }
  }
}
