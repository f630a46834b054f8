package io.icrl.learner.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.icrl.learner.TestModels;
import io.icrl.learner.data.InMemoryWindowSource;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.model.ReturnFeatureTest;
import io.icrl.learner.model.ModelConfig;
import io.icrl.learner.model.StepEncoding;
import io.icrl.learner.model.StepTokens;
import io.icrl.learner.model.SymbolPermutation;
import io.icrl.synth.format.StepWindow;
import java.util.Arrays;
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
      assertSameTokens(want, p.tokens());
    }
  }

  /** Every field of two token sequences is equal. */
  static void assertSameTokens(StepTokens want, StepTokens got) {
    assertArrayEquals(want.state, got.state);
    assertArrayEquals(want.prompt, got.prompt);
    assertArrayEquals(want.prevAction, got.prevAction);
    assertArrayEquals(want.prevState, got.prevState);
    assertArrayEquals(want.prevTag, got.prevTag);
    assertArrayEquals(want.flag, got.flag);
    assertArrayEquals(want.prevReward, got.prevReward, 0f);
    assertArrayEquals(want.returnSoFar, got.returnSoFar, 0f);
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

  /**
   * A sequence of 8-row episodes (7 action rows, then a boundary row) on a 6-state, 3-action task;
   * episode e earns {@code returns[e]} on its first action; {@code tail} rows of one more episode.
   */
  static StepWindow episodes(double[] returns, int tail, long seed) {
    int n = returns.length * 8 + tail;
    StepWindow w = new StepWindow(n);
    SplittableRandom rng = new SplittableRandom(seed);
    w.length = n;
    w.states = 6;
    w.actions = 3;
    for (int i = 0; i < n; i++) {
      int e = i / 8;
      boolean boundary = i % 8 == 7 && e < returns.length;
      w.state[i] = rng.nextInt(6);
      w.action[i] = boundary ? -1 : rng.nextInt(3);
      w.reward[i] = i % 8 == 0 && e < returns.length ? (float) returns[e] : 0f;
      w.terminated[i] = boundary;
      w.tag[i] = (byte) (boundary ? 7 : 0);
    }
    return w;
  }

  @Test
  void aFullContextCanDropTheEpisodesOfLowestReturnFirst() {
    ModelConfig cfg = TestModels.tinyConfig();
    double[] returns = {3, -2, 5, 1, 4, 0, 2};
    StepWindow w = episodes(returns, 1, 14);
    try (LearnerModel model = TestModels.model(cfg, 5);
        IncrementalPolicy p = new IncrementalPolicy(model, new InferSettings(40, 0.75))) {
      p.dropLowestReturnFirst(true);
      p.reset(permutation(w, cfg, 11));
      assertTrue(p.dropsLowestReturnFirst(), "the choice survives reset");
      // full at the 41st row: episodes 1 (-2) and 3 (1) go, 0, 2 and 4 (being played) stay;
      // full again at the 57th: 5 (0) and 0 (3) go, the context start moving to episode 2
      feedChecked(p, w, 0, w.length, 40);
      assertEquals(2, p.drops());
      StepWindow want = new StepWindow(25);
      int at = 0;
      for (int e : new int[] {2, 4, 6}) {
        at = copyRows(w, e * 8, e * 8 + 8, want, at);
      }
      copyRows(w, 56, 57, want, at);
      want.length = 25;
      StepTokens expected = new StepTokens(1, 25);
      SymbolPermutation perm = p.permutation();
      StepEncoding.encodeWindow(cfg, perm, want, expected, 0);
      assertSameTokens(expected, p.tokens());
    }
  }

  @Test
  void droppingByReturnKeepsPinnedStepsAndFallsBackToTheOldestWhenNoEpisodeIsComplete() {
    ModelConfig cfg = TestModels.tinyConfig();
    StepWindow w = episodes(new double[] {-5, 9, -1, 2, 6}, 0, 15);
    try (LearnerModel model = TestModels.model(cfg, 5);
        IncrementalPolicy p = new IncrementalPolicy(model, new InferSettings(32, 0.75))) {
      p.dropLowestReturnFirst(true);
      p.reset(permutation(w, cfg, 12));
      for (int i = 0; i < 8; i++) {
        push(p, w, i);
      }
      assertEquals(8, p.pin(8));
      StepTokens pinned = p.tokens();
      // full at row 32: after the pinned episode 0 (-5, never dropped), episodes 1 (9) and 2 (-1)
      // are complete and 3 is being played; dropping episode 2 leaves 24 steps
      feedChecked(p, w, 8, 40, 32);
      assertEquals(1, p.drops());
      assertEquals(8, p.pinned());
      StepTokens got = p.tokens();
      SymbolPermutation perm = p.permutation();
      for (int i = 0; i < 8; i++) {
        assertEquals(pinned.state[i], got.state[i], "pinned token " + i);
        assertEquals(pinned.flag[i], got.flag[i], "pinned token " + i);
      }
      for (int i = 0; i < 8; i++) {
        assertEquals(perm.state(w.state[8 + i]), got.state[8 + i], "episode 1, row " + i);
        assertEquals(perm.state(w.state[24 + i]), got.state[16 + i], "episode 3, row " + i);
      }
      // with no complete episode to drop, an episode too long for the context falls back to
      // dropping its oldest steps
      StepWindow one = episodes(new double[] {}, 40, 16);
      p.reset(permutation(one, cfg, 13));
      long before = p.drops();
      feedChecked(p, one, 0, 40, 32);
      assertEquals(before + 1, p.drops());
      assertEquals(32, p.length(), "cut to 24 steps at row 32, then 8 more");
      assertEquals(perm(p, one.state[8]), p.tokens().state[0], "the oldest 8 steps went");
      assertEquals(StepEncoding.FLAG_CONTEXT_START, p.tokens().flag[0]);
    }
  }

  static int perm(IncrementalPolicy p, int state) {
    return p.permutation().state(state);
  }

  /** Copies rows [from, to) of {@code src} to {@code dst} from row {@code at}; the next free row. */
  static int copyRows(StepWindow src, int from, int to, StepWindow dst, int at) {
    for (int i = from; i < to; i++, at++) {
      dst.state[at] = src.state[i];
      dst.action[at] = src.action[i];
      dst.reward[at] = src.reward[i];
      dst.prompt[at] = src.prompt[i];
      dst.tag[at] = src.tag[i];
      dst.terminated[at] = src.terminated[i];
      dst.truncated[at] = src.truncated[i];
    }
    return at;
  }

  @Test
  void inferenceCountsTheReturnLikeTrainingAcrossDropsAndCutEpisodes() {
    ModelConfig cfg = ReturnFeatureTest.withReturn();
    // short episodes, then one longer than the kept context (cut mid-episode when it fills)
    int n = 70;
    int[] actions = new int[n];
    float[] rewards = new float[n];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      actions[i] = i < 24 && i % 6 == 5 ? -1 : rng.nextInt(3);
      rewards[i] = actions[i] < 0 ? 0f : (float) rng.nextDouble(-1, 2);
    }
    StepWindow w = ReturnFeatureTest.window(actions, rewards, 2);
    try (LearnerModel model = TestModels.model(cfg, 5);
        IncrementalPolicy p = new IncrementalPolicy(model, new InferSettings(32, 0.75))) {
      SymbolPermutation perm = SymbolPermutation.random(6, 3, cfg.stateVocab(),
          cfg.actionVocab(), new SplittableRandom(4));
      p.reset(perm);
      for (int i = 0; i < n; i++) {
        float[] got = feed(p, w, i);
        double d = maxDiff(got, p.recomputeLast());
        assertTrue(d < 1e-4, "step " + i + ": cached vs recomputed differ by " + d);
        int from = i + 1 - p.length();
        StepWindow kept = ReturnFeatureTest.window(Arrays.copyOfRange(actions, from, i + 1),
            Arrays.copyOfRange(rewards, from, i + 1), 0);
        System.arraycopy(w.state, from, kept.state, 0, p.length());
        StepTokens want = new StepTokens(1, p.length());
        StepEncoding.encodeWindow(cfg, perm, kept, want, 0);
        StepTokens now = p.tokens();
        assertArrayEquals(want.returnSoFar, now.returnSoFar, 1e-5f, "step " + i);
        assertArrayEquals(want.flag, now.flag, "step " + i);
      }
      assertTrue(p.drops() >= 3, "drops " + p.drops());
    }
  }
}
