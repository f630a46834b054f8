package io.icrl.learner.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.learner.TestModels;
import io.icrl.synth.format.StepWindow;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

public class ReturnFeatureTest {
  /** Rows with the given actions (-1: boundary row) and rewards, on a 6-state, 3-action task. */
  public static StepWindow window(int[] actions, float[] rewards, long seed) {
    StepWindow w = new StepWindow(actions.length);
    SplittableRandom rng = new SplittableRandom(seed);
    w.length = actions.length;
    w.states = 6;
    w.actions = 3;
    for (int i = 0; i < actions.length; i++) {
      w.state[i] = rng.nextInt(6);
      w.action[i] = actions[i];
      w.reward[i] = rewards[i];
      w.terminated[i] = actions[i] < 0;
      w.tag[i] = (byte) (actions[i] < 0 ? 7 : 0);
    }
    return w;
  }

  public static ModelConfig withReturn() {
    return TestModels.tiny("icrl.learner.model.return-feature=true").model();
  }

  @Test
  void eachTokenCarriesItsEpisodesReturnSoFarCountedFromTheWindowStart() {
    ModelConfig cfg = withReturn();
    // an episode already under way at the window start, its boundary row, a new episode
    StepWindow w = window(new int[] {0, 1, -1, 0, 1, 0}, new float[] {1, 2, 0, 5, -1, 0}, 1);
    StepTokens t = new StepTokens(1, 8);
    SymbolPermutation perm = SymbolPermutation.identity(6, 3, cfg.stateVocab(),
        cfg.actionVocab());
    assertEquals(6, StepEncoding.encodeWindow(cfg, perm, w, t, 0));
    double[] want = {0, 1, 3, 0, 5, 4, 0, 0}; // the boundary row holds the whole return (3)
    for (int i = 0; i < want.length; i++) {
      assertEquals(StepEncoding.rewardFeature(want[i]), t.returnSoFar[i], 1e-7, "step " + i);
    }
  }

  @Test
  void aModelReadsTheReturnOnlyWhenConfiguredToAndNeverFromLaterSteps() {
    for (boolean on : new boolean[] {false, true}) {
      ModelConfig cfg = on ? withReturn() : TestModels.tinyConfig();
      assertEquals(on, cfg.returnFeature());
      try (LearnerModel model = TestModels.model(cfg, 7)) {
        StepTokens a = new StepTokens(1, 16);
        CausalityTest.randomTokens(cfg, a, new SplittableRandom(5));
        int[] taken = new int[16];
        StepTokens b = new StepTokens(1, 16);
        for (int i = 0; i < 16; i++) {
          b.copyToken(a, i, i);
        }
        b.returnSoFar[9] += 2f;
        float[] p0 = CausalityTest.outputs(model, a, taken)[0];
        float[] p1 = CausalityTest.outputs(model, b, taken)[0];
        int av = cfg.actionVocab();
        for (int t = 0; t < 16; t++) {
          boolean same = true;
          for (int k = 0; k < av; k++) {
            same &= p0[t * av + k] == p1[t * av + k];
          }
          assertEquals(t < 9 || !on, same, "on " + on + ", step " + t);
        }
      }
    }
  }

  @Test
  void configsWrittenBeforeTheFeatureLoadWithoutIt() {
    Map<String, Object> m = new HashMap<>(TestModels.tinyConfig().toMap());
    assertEquals(false, m.get("return-feature"));
    m.remove("return-feature");
    assertFalse(ModelConfig.fromMap(m, "old state.json").returnFeature());
    m.put("return-feature", true);
    assertTrue(ModelConfig.fromMap(m, "state.json").returnFeature());
    m.put("return-feature", "yes");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ModelConfig.fromMap(m, "state.json"));
    assertTrue(e.getMessage().contains("return-feature"), e.getMessage());
  }
}
