package io.icrl.learner.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.icrl.learner.TestModels;
import io.icrl.learner.data.InMemoryWindowSource;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.model.ModelConfig;
import io.icrl.learner.model.StepEncoding;
import io.icrl.learner.model.StepTokens;
import io.icrl.learner.model.SymbolPermutation;
import io.icrl.synth.format.StepWindow;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IncrementalPolicyTest {
  /** Feeds row i of a window the way the evaluator does. */
  static float[] feed(IncrementalPolicy p, StepWindow w, int i) {
    if (i == 0) {
      return p.step(w.state[0], w.prompt[0], -1, 0f, -1, StepEncoding.FLAG_CONTEXT_START);
    }
    if (w.isBoundary(i - 1)) {
      int flag = w.terminated[i - 1] ? StepEncoding.FLAG_AFTER_TERMINATED
          : StepEncoding.FLAG_AFTER_TRUNCATED;
      return p.step(w.state[i], w.prompt[i], -1, 0f, -1, flag);
    }
    return p.step(w.state[i], w.prompt[i], w.action[i - 1], w.reward[i - 1], w.tag[i - 1],
        StepEncoding.FLAG_CONTINUE);
  }

  static double maxDiff(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  @Test
  void stepsMatchTheTrainingEncodingAndTheFullForwardPass() {
    ModelConfig cfg = TestModels.tinyConfig();
    InMemoryWindowSource data = TestModels.data(1, 120, 8);
    StepWindow w = new StepWindow(100);
    data.read(0, 0, 100, w);
    SymbolPermutation perm = SymbolPermutation.random(w.states, w.actions, cfg.stateVocab(),
        cfg.actionVocab(), new SplittableRandom(4));
    try (LearnerModel model = TestModels.model(cfg, 5);
        IncrementalPolicy policy = new IncrementalPolicy(model, new InferSettings(128, 0.75))) {
      StepTokens tokens = new StepTokens(1, 100);
      StepEncoding.encodeWindow(cfg, perm, w, tokens, 0);
      float[] full;
      try (NDManager m = model.manager().newSubManager()) {
        NDArray h = model.block().trunk(model.store(), tokens.toNDList(m), false);
        full = model.block().policyLogits(model.store(), h, false).toFloatArray();
      }
      policy.reset(perm);
      int av = cfg.actionVocab();
      for (int i = 0; i < 100; i++) {
        float[] got = feed(policy, w, i);
        assertEquals(w.actions, got.length);
        for (int a = 0; a < w.actions; a++) {
          float want = full[i * av + perm.action(a)];
          assertTrue(Math.abs(got[a] - want) < 1e-4, "step " + i + " action " + a + ": " + got[a]
              + " vs " + want);
        }
      }
    }
  }

  @Test
  void aFullContextDropsOldestEpisodesAndStaysExact() {
    ModelConfig cfg = TestModels.tinyConfig();
    StepWindow w = rows(200, 9);
    try (LearnerModel model = TestModels.model(cfg, 5);
        IncrementalPolicy policy = new IncrementalPolicy(model, new InferSettings(40, 0.75))) {
      policy.reset(permutation(w, cfg, 6));
      feedChecked(policy, w, 0, 200, 40);
      assertTrue(policy.drops() >= 4, "drops " + policy.drops());
    }
  }

  /** Like {@link #feed} but pushing the step without asking for its logits. */
  static void push(IncrementalPolicy p, StepWindow w, int i) {
    if (i == 0) {
      p.push(w.state[0], w.prompt[0], -1, 0f, -1, StepEncoding.FLAG_CONTEXT_START);
    } else if (w.isBoundary(i - 1)) {
      p.push(w.state[i], w.prompt[i], -1, 0f, -1, w.terminated[i - 1]
          ? StepEncoding.FLAG_AFTER_TERMINATED : StepEncoding.FLAG_AFTER_TRUNCATED);
    } else {
      p.push(w.state[i], w.prompt[i], w.action[i - 1], w.reward[i - 1], w.tag[i - 1],
          StepEncoding.FLAG_CONTINUE);
    }
  }

  @Test
  void pushedStepsGiveTheSameLogitsAndTokensAsSteppedOnes() {
    ModelConfig cfg = TestModels.tinyConfig();
    InMemoryWindowSource data = TestModels.data(1, 200, 10);
    StepWindow w = new StepWindow(200);
    data.read(0, 0, 200, w);
    SymbolPermutation perm = SymbolPermutation.random(w.states, w.actions, cfg.stateVocab(),
        cfg.actionVocab(), new SplittableRandom(7));
    try (LearnerModel model = TestModels.model(cfg, 5);
        IncrementalPolicy stepped = new IncrementalPolicy(model, new InferSettings(64, 0.75));
        IncrementalPolicy pushed = new IncrementalPolicy(model, new InferSettings(64, 0.75))) {
      stepped.reset(perm);
      pushed.reset(perm);
      for (int i = 0; i < 200; i++) {
        float[] want = feed(stepped, w, i);
        if (i % 7 == 6 || i == 199) { // bursts of pushed steps, some across a drop
          double d = maxDiff(want, feed(pushed, w, i));
          assertTrue(d < 1e-4, "step " + i + ": pushed vs stepped differ by " + d);
        } else {
          push(pushed, w, i);
        }
        assertEquals(stepped.length(), pushed.length());
      }
      assertTrue(pushed.drops() >= 3, "drops " + pushed.drops());
      StepTokens a = stepped.tokens();
      StepTokens b = pushed.tokens();
      assertArrayEquals(a.state, b.state);
      assertArrayEquals(a.prevAction, b.prevAction);
      assertArrayEquals(a.flag, b.flag);
    }
  }

  @Test
  void tokensAreTheTrainingEncodingOfTheFedRows() {
    ModelConfig cfg = TestModels.tinyConfig();
    InMemoryWindowSource data = TestModels.data(1, 60, 11);
    StepWindow w = new StepWindow(60);
    data.read(0, 0, 60, w);
    SymbolPermutation perm = SymbolPermutation.random(w.states, w.actions, cfg.stateVocab(),
        cfg.actionVocab(), new SplittableRandom(8));
    try (LearnerModel model = TestModels.model(cfg, 5);
        IncrementalPolicy p = new IncrementalPolicy(model, new InferSettings(128, 0.75))) {
      p.reset(perm);
      for (int i = 0; i < 60; i++) {
        push(p, w, i);
      }
      StepTokens want = new StepTokens(1, 60);
      StepEncoding.encodeWindow(cfg, perm, w, want, 0);
      StepTokens got = p.tokens();
      assertArrayEquals(want.state, got.state);
      assertArrayEquals(want.prompt, got.prompt);
      assertArrayEquals(want.prevAction, got.prevAction);
      assertArrayEquals(want.prevTag, got.prevTag);
      assertArrayEquals(want.flag, got.flag);
      assertArrayEquals(want.prevReward, got.prevReward, 0f);
    }
  }

  /** The first {@code steps} rows of a synthetic sequence of seed {@code seed}. */
  static StepWindow rows(int steps, long seed) {
    StepWindow w = new StepWindow(steps);
    TestModels.data(1, steps, seed).read(0, 0, steps, w);
    return w;
  }

  static SymbolPermutation permutation(StepWindow w, ModelConfig cfg, long seed) {
    return SymbolPermutation.random(w.states, w.actions, cfg.stateVocab(), cfg.actionVocab(),
        new SplittableRandom(seed));
  }

  /** Feeds rows [from, to) and checks each step's cached logits against a full forward pass. */
  static void feedChecked(IncrementalPolicy p, StepWindow w, int from, int to, int capacity) {
    for (int i = from; i < to; i++) {
      float[] got = feed(p, w, i);
      assertTrue(p.length() <= capacity);
      double d = maxDiff(got, p.recomputeLast());
      assertTrue(d < 1e-4, "step " + i + ": cached vs recomputed differ by " + d);
    }
  }

  /** The first boundary row at or after {@code from}. */
  static int boundaryAtOrAfter(StepWindow w, int from) {
    int i = from;
    while (!w.isBoundary(i)) {
      i++;
    }
    return i;
  }

  @Test
  void pinnedStepsStayAtTheStartWhileLaterEpisodesScrollOut() {
    ModelConfig cfg = TestModels.tinyConfig();
    StepWindow w = rows(300, 12);
    try (LearnerModel model = TestModels.model(cfg, 5);
        IncrementalPolicy p = new IncrementalPolicy(model, new InferSettings(64, 0.75))) {
      p.reset(permutation(w, cfg, 9));
      int last = boundaryAtOrAfter(w, 20); // the "context data": whole episodes up to row last
      for (int i = 0; i <= last; i++) {
        push(p, w, i);
      }
      assertTrue(last + 1 <= 32, "test data: episodes too long (" + last + ")");
      assertEquals(last + 1, p.pin(32));
      StepTokens pinned = p.tokens();
      long dropsBefore = p.drops();
      feedChecked(p, w, last + 1, 300, 64);
      assertTrue(p.drops() - dropsBefore >= 5, "drops " + p.drops());
      assertEquals(last + 1, p.pinned());
      StepTokens now = p.tokens();
      for (int i = 0; i <= last; i++) {
        assertEquals(pinned.state[i], now.state[i], "pinned token " + i);
        assertEquals(pinned.prevAction[i], now.prevAction[i], "pinned token " + i);
        assertEquals(pinned.flag[i], now.flag[i], "pinned token " + i);
      }
      // what follows the pinned steps is a whole episode of the agent's, not a cut one
      int f = now.flag[last + 1];
      assertTrue(f == StepEncoding.FLAG_AFTER_TERMINATED || f == StepEncoding.FLAG_AFTER_TRUNCATED,
          "flag after the pinned steps: " + f);
    }
  }

  @Test
  void pinningMoreThanItsShareDropsTheOldestEpisodesAndAnEpisodeTooLongReleasesIt() {
    ModelConfig cfg = TestModels.tinyConfig();
    StepWindow w = rows(300, 13);
    SymbolPermutation perm = permutation(w, cfg, 10);
    try (LearnerModel model = TestModels.model(cfg, 5);
        IncrementalPolicy p = new IncrementalPolicy(model, new InferSettings(64, 0.75))) {
      p.reset(perm);
      int last = boundaryAtOrAfter(w, 50);
      for (int i = 0; i <= last; i++) {
        push(p, w, i);
      }
      int n = p.pin(20);
      assertTrue(n > 0 && n <= 20, "pinned " + n);
      StepTokens t = p.tokens();
      assertEquals(StepEncoding.FLAG_CONTEXT_START, t.flag[0]);
      assertEquals(perm.state(w.state[last]), t.state[n - 1], "the newest data row is kept");
      assertEquals(perm.state(w.state[last + 1 - n]), t.state[0], "whole episodes are kept");
      // 47 of the 48 kept steps pinned: no episode fits beside them, so a drop releases the pin
      p.reset(perm);
      for (int i = 0; i < 47; i++) {
        push(p, w, i);
      }
      assertEquals(47, p.pin(1000));
      feedChecked(p, w, 47, 300, 64);
      assertEquals(0, p.pinned());
    }
  }
}
