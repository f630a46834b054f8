package io.icrl.learner.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.icrl.learner.TestModels;
import io.icrl.learner.data.InMemoryWindowSource;
import io.icrl.synth.format.StepWindow;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CausalityTest {
  static void randomTokens(ModelConfig cfg, StepTokens t, SplittableRandom rng) {
    for (int i = 0; i < t.size(); i++) {
      t.state[i] = rng.nextInt(cfg.stateVocab());
      t.prompt[i] = rng.nextInt(cfg.promptVocab());
      t.prevAction[i] = rng.nextInt(cfg.actionVocab() + 1);
      t.prevState[i] = rng.nextInt(cfg.stateVocab() + 1);
      t.prevTag[i] = rng.nextInt(StepEncoding.TAG_VOCAB);
      t.flag[i] = rng.nextInt(StepEncoding.FLAGS);
      t.prevReward[i] = (float) rng.nextDouble(-1, 1);
    }
  }

  /** Policy logits and world-model outputs, flattened, for every position. */
  static float[][] outputs(LearnerModel model, StepTokens tokens, int[] taken) {
    try (NDManager m = model.manager().newSubManager()) {
      NDList in = tokens.toNDList(m);
      NDArray h = model.block().trunk(model.store(), in, false);
      NDArray logits = model.block().policyLogits(model.store(), h, false);
      NDArray world = model.block().worldModel(model.store(), h,
          m.create(taken, new Shape(tokens.rows, tokens.steps)), false);
      return new float[][] {logits.toFloatArray(), world.toFloatArray()};
    }
  }

  @Test
  void changingAStepNeverChangesEarlierOutputs() {
    ModelConfig cfg = TestModels.tinyConfig();
    try (LearnerModel model = TestModels.model(cfg, 7)) {
      int steps = 24;
      SplittableRandom rng = new SplittableRandom(3);
      StepTokens a = new StepTokens(2, steps);
      randomTokens(cfg, a, rng);
      int[] taken = new int[a.size()];
      for (int i = 0; i < taken.length; i++) {
        taken[i] = rng.nextInt(cfg.actionVocab());
      }
      float[][] base = outputs(model, a, taken);
      int av = cfg.actionVocab();
      int wv = cfg.stateVocab() + 1;
      for (int k : new int[] {1, 9, 23}) {
        StepTokens b = new StepTokens(2, steps);
        for (int i = 0; i < a.size(); i++) {
          b.copyToken(a, i, i);
        }
        int[] taken2 = taken.clone();
        for (int row = 0; row < 2; row++) {
          int i = row * steps + k;
          b.state[i] = (a.state[i] + 1) % cfg.stateVocab();
          b.prevAction[i] = (a.prevAction[i] + 1) % (av + 1);
          b.prevState[i] = (a.prevState[i] + 1) % (cfg.stateVocab() + 1);
          b.prevReward[i] = a.prevReward[i] + 3f;
          b.flag[i] = (a.flag[i] + 1) % StepEncoding.FLAGS;
          taken2[i] = (taken[i] + 1) % av;
        }
        float[][] changed = outputs(model, b, taken2);
        for (int row = 0; row < 2; row++) {
          for (int t = 0; t < steps; t++) {
            int i = row * steps + t;
            float[] p0 = slice(base[0], i * av, av);
            float[] p1 = slice(changed[0], i * av, av);
            float[] w0 = slice(base[1], i * wv, wv);
            float[] w1 = slice(changed[1], i * wv, wv);
            if (t < k) {
              assertArrayEquals(p0, p1, 1e-6f, "policy at " + t + " changed by step " + k);
              assertArrayEquals(w0, w1, 1e-6f, "world model at " + t + " changed by step " + k);
            } else if (t == k) {
              assertTrue(maxDiff(p0, p1) > 1e-4, "step " + k + " must change its own output");
            }
          }
        }
      }
    }
  }

  @Test
  void theTokenOfStepTNeverSeesActionT() {
    ModelConfig cfg = TestModels.tinyConfig();
    InMemoryWindowSource src = TestModels.data(1, 64, 5);
    StepWindow w = new StepWindow(40);
    src.read(0, 0, 40, w);
    SymbolPermutation perm = SymbolPermutation.identity(w.states, w.actions, cfg.stateVocab(),
        cfg.actionVocab());
    StepTokens before = new StepTokens(1, 40);
    StepEncoding.encodeWindow(cfg, perm, w, before, 0);
    int t = 10;
    while (w.isBoundary(t) || w.isBoundary(t + 1)) {
      t++;
    }
    w.action[t] = (w.action[t] + 1) % w.actions;
    w.reward[t] += 1f;
    StepTokens after = new StepTokens(1, 40);
    StepEncoding.encodeWindow(cfg, perm, w, after, 0);
    for (int i = 0; i <= t; i++) {
      assertEquals(before.prevAction[i], after.prevAction[i]);
      assertEquals(before.prevReward[i], after.prevReward[i]);
    }
    assertNotEquals(before.prevAction[t + 1], after.prevAction[t + 1]);
    assertNotEquals(before.prevReward[t + 1], after.prevReward[t + 1]);
  }

  static float[] slice(float[] a, int from, int n) {
    return java.util.Arrays.copyOfRange(a, from, from + n);
  }

  static double maxDiff(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }
}
