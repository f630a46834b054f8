package io.icrl.eval.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.ModeSettings;
import io.icrl.eval.TestSettings;
import io.icrl.eval.TestTasks;
import io.icrl.eval.TinyCheckpoint;
import io.icrl.eval.context.ContextEpisode;
import io.icrl.eval.sweep.CellRunner;
import io.icrl.eval.task.PreparedTask;
import io.icrl.learner.infer.InferSettings;
import io.icrl.learner.model.ModelConfig;
import io.icrl.learner.model.StepEncoding;
import io.icrl.learner.model.StepTokens;
import io.icrl.learner.model.SymbolPermutation;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.Tag;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.env.DiscreteEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-context agent over a real checkpoint must feed the model exactly the tokens that the
 * learner's training encoding ({@link StepEncoding#encodeWindow}) gives for the same trajectory
 * stored as training rows (docs/data-format.md). An off-by-one here (a reward attached to the wrong
 * token, a missing boundary row, a wrong flag) would silently destroy in-context learning.
 */
class CheckpointRowModelTest {
  private static final TaskRegistry TASKS = TestTasks.registry();
  private static LearnerModelSource source;

  @BeforeAll
  static void open() {
    source = CheckpointModels.open(TinyCheckpoint.run(), TestSettings.with().model(), 1,
        Optional.empty());
  }

  @AfterAll
  static void close() {
    source.close();
  }

  /** A trajectory written row by row the way icrl synth stores it. */
  private static final class TrainingRows {
    final List<int[]> ints = new ArrayList<>(); // state, action, prompt, tag, terminated, truncated
    final List<Float> rewards = new ArrayList<>();
    int terminations;
    int truncations;

    void action(int state, int action, float reward, Tag prompt, Tag tag) {
      ints.add(new int[] {state, action, prompt.code(), tag.code(), 0, 0});
      rewards.add(reward);
    }

    void boundary(int finalState, boolean terminated, boolean truncated) {
      ints.add(new int[] {finalState, -1, Tag.UNK.code(), Tag.UNK.code(), terminated ? 1 : 0,
          truncated ? 1 : 0});
      rewards.add(0f);
      terminations += terminated ? 1 : 0;
      truncations += truncated ? 1 : 0;
    }

    /** Rows {@code [from, size)} as a training window. */
    StepWindow window(int from, int states, int actions) {
      return window(from, ints.size(), states, actions);
    }

    /** Rows {@code [from, to)} as a training window. */
    StepWindow window(int from, int to, int states, int actions) {
      int n = to - from;
      StepWindow w = new StepWindow(n);
      for (int i = 0; i < n; i++) {
        int[] r = ints.get(from + i);
        w.state[i] = r[0];
        w.action[i] = r[1];
        w.label[i] = r[1];
        w.prompt[i] = (byte) r[2];
        w.tag[i] = (byte) r[3];
        w.terminated[i] = r[4] == 1;
        w.truncated[i] = r[5] == 1;
        w.reward[i] = rewards.get(from + i);
      }
      w.length = n;
      w.states = states;
      w.actions = actions;
      return w;
    }
  }

  /**
   * Runs one cell's worth of agent play (context data, then {@code episodes} episodes) and returns
   * the same trajectory as training rows.
   */
  private static TrainingRows play(InContextAgent agent, PreparedTask task, Mode mode,
      EvalSettings s, RewardShaping shaping, long seed) {
    ModeSettings ms = s.modeSettings().get(mode);
    List<ContextEpisode> context = new CellRunner(s).contextData(task, mode, 0);
    agent.begin(new AgentRun(task.info(), mode, s.episodes(), new SplittableRandom(seed),
        ms.prompt(), ms.tag(), shaping));
    TrainingRows rows = new TrainingRows();
    for (ContextEpisode e : context) {
      agent.observeContext(e);
      for (int t = 0; t < e.length(); t++) {
        rows.action(e.state(t), e.action(t), (float) shaping.apply(e.reward(t)), ms.prompt(),
            e.tag());
      }
      rows.boundary(e.finalState(), e.terminated(), e.truncated());
    }
    DiscreteEnv env = task.newEnv();
    int state = env.reset(seed);
    for (int ep = 0; ep < s.episodes(); ep++) {
      if (ep > 0) {
        state = env.reset();
      }
      while (true) {
        int a = agent.act(state);
        int next = env.step(a);
        rows.action(state, a, (float) shaping.apply(env.reward()), ms.prompt(), ms.tag());
        agent.observe(env.reward(), next, env.terminated(), env.truncated());
        state = next;
        if (env.terminated() || env.truncated()) {
          rows.boundary(state, env.terminated(), env.truncated());
          break;
        }
      }
    }
    return rows;
  }

  /** The model's symbol permutation composed with the agent's ID permutations. */
  private static SymbolPermutation composed(InContextAgent agent, CheckpointRowModel model,
      PreparedTask task, ModelConfig cfg) {
    SymbolPermutation sym = model.policy().permutation();
    int[] states = new int[task.info().states()];
    for (int s = 0; s < states.length; s++) {
      states[s] = sym.state(agent.statePermutation().apply(s));
    }
    int[] actions = new int[task.info().actions()];
    for (int a = 0; a < actions.length; a++) {
      actions[a] = sym.action(agent.actionPermutation().apply(a));
    }
    return SymbolPermutation.of(states, actions, cfg.stateVocab(), cfg.actionVocab());
  }

  private static void assertSameTokens(StepTokens want, StepTokens got, String what) {
    assertEquals(want.steps, got.steps, what + ": token count");
    for (int i = 0; i < want.steps; i++) {
      String at = what + ", row " + i;
      assertEquals(want.state[i], got.state[i], at + ": state");
      assertEquals(want.prompt[i], got.prompt[i], at + ": prompt");
      assertEquals(want.prevAction[i], got.prevAction[i], at + ": previous action");
      assertEquals(want.prevState[i], got.prevState[i], at + ": previous state");
      assertEquals(want.prevReward[i], got.prevReward[i], 0f, at + ": previous reward");
      assertEquals(want.prevTag[i], got.prevTag[i], at + ": previous tag");
      assertEquals(want.flag[i], got.flag[i], at + ": boundary flag");
    }
  }

  private static int[] checkRun(String taskId, Mode mode, EvalSettings s, int context) {
    PreparedTask task = PreparedTask.prepare(TASKS.make(taskId), s.references(), s.rootSeed());
    ModelConfig cfg = source.config();
    try (CheckpointRowModel model = source.open(new InferSettings(context, 0.75))) {
      InContextAgent agent = new InContextAgent(model, s.temperatures());
      RewardShaping shaping = new RewardShaping(2, -0.25);
      TrainingRows rows = play(agent, task, mode, s, shaping, 17);
      StepTokens got = model.policy().tokens();
      int total = rows.ints.size();
      int from = total - got.steps; // rows dropped from the front when the context overflowed
      assertTrue(from >= 0);
      StepWindow w = rows.window(from, task.info().states(), task.info().actions());
      StepTokens want = new StepTokens(1, w.length);
      StepEncoding.encodeWindow(cfg, composed(agent, model, task, cfg), w, want, 0);
      assertSameTokens(want, got, taskId + " " + mode.id() + " (rows " + from + ".." + total + ")");
      return new int[] {rows.terminations, rows.truncations, from, total};
    }
  }

  @Test
  void theAgentFeedsTheTrainingEncodingOfItsTrajectoryInEveryMode() {
    EvalSettings s = TestSettings.with("icrl.eval.episodes=3", "icrl.eval.imitation.episodes=2",
        "icrl.eval.offline.episodes=3");
    int terminations = 0;
    int truncations = 0;
    for (String id : List.of("lake:slippery=true", "rmdp:states=6,actions=3,seed=2")) {
      for (Mode m : Mode.values()) {
        int[] r = checkRun(id, m, s, 4096);
        assertEquals(0, r[2], "nothing dropped from a large context");
        terminations += r[0];
        truncations += r[1];
      }
    }
    assertTrue(terminations > 0 && truncations > 0, "both episode ends were exercised: "
        + terminations + " terminated, " + truncations + " truncated");
  }

  @Test
  void afterDroppingOldEpisodesTheContextIsATrainingWindowStartingAtAnEpisode() {
    EvalSettings s = TestSettings.with("icrl.eval.episodes=4", "icrl.eval.offline.episodes=4");
    int[] r = checkRun("rmdp:states=6,actions=3,seed=3", Mode.OFFLINE, s, 48);
    assertTrue(r[2] > 0, "the context overflowed");
  }

  @Test
  void theExpectedRowsFollowTheFormatIcrlSynthWrites() {
    // TrainingRows above encodes the row format of docs/data-format.md; check it against real
    // synthesized data (the checkpoint's own dataset).
    Dataset data = Dataset.open(TinyCheckpoint.data());
    int boundaries = 0;
    for (int seq = 0; seq < data.sequenceCount(); seq++) {
      int n = (int) data.sequenceLength(seq);
      StepWindow w = new StepWindow(n);
      data.read(seq, 0, n, w);
      for (int i = 0; i < n; i++) {
        if (w.isBoundary(i)) {
          boundaries++;
          assertEquals(Tag.UNK.code(), w.prompt[i], "boundary prompt");
          assertEquals(Tag.UNK.code(), w.tag[i], "boundary tag");
          assertEquals(0f, w.reward[i], "boundary reward");
          assertTrue(w.terminated[i] != w.truncated[i], "exactly one end flag");
          assertTrue(i + 1 == n || w.episodeStep[i + 1] == 0, "the next row starts an episode");
        } else {
          assertTrue(!w.terminated[i] && !w.truncated[i], "action rows carry no end flag");
          assertTrue(w.prompt[i] >= 0 && w.prompt[i] <= Tag.OPT3.code(), "prompt opt0..opt3");
        }
      }
    }
    assertTrue(boundaries > 0);
  }

  @Test
  void rowsOutOfProtocolAreRefused() {
    try (CheckpointRowModel m = source.open()) {
      assertThrows(IllegalStateException.class, () -> m.beginRow(0, Tag.OPT3, Tag.UNK));
      m.reset(4, 2, new SplittableRandom(1));
      m.beginRow(0, Tag.OPT3, Tag.UNK);
      assertThrows(IllegalStateException.class, () -> m.beginRow(1, Tag.OPT3, Tag.UNK));
      assertThrows(IllegalArgumentException.class, () -> m.endRow(1, 0f, true, false));
      m.reset(4, 2, new SplittableRandom(1));
      assertThrows(IllegalArgumentException.class,
          () -> m.appendRow(3, Tag.UNK, Tag.UNK, -1, 0f, false, false));
      assertEquals(0, m.rowsInContext());
    }
  }

  @Test
  void pinnedDemonstrationsStayAheadOfTheAgentsNewestWholeEpisodes() {
    EvalSettings s = TestSettings.with("icrl.eval.episodes=12", "icrl.eval.imitation.episodes=2",
        "icrl.eval.imitation.pin-data=0.5");
    String taskId = "rmdp:states=6,actions=3,seed=2";
    PreparedTask task = PreparedTask.prepare(TASKS.make(taskId), s.references(), s.rootSeed());
    ModelConfig cfg = source.config();
    try (CheckpointRowModel model = source.open(new InferSettings(96, 0.75))) {
      InContextAgent agent = new InContextAgent(model, s.temperatures(), s.contextPolicies());
      TrainingRows rows = play(agent, task, Mode.IMITATION, s, RewardShaping.NONE, 23);
      int pinned = model.policy().pinned();
      int demoRows = new CellRunner(s).contextData(task, Mode.IMITATION, 0).stream()
          .mapToInt(e -> e.length() + 1).sum();
      assertEquals(demoRows, pinned, "both demonstrations pinned (they fit in 48 rows)");
      assertTrue(model.policy().drops() > 0, "the agent's episodes overflowed the context");
      StepTokens got = model.policy().tokens();
      int total = rows.ints.size();
      int from = total - (got.steps - pinned); // the agent's newest rows after the pinned ones
      assertTrue(from > pinned);
      SymbolPermutation perm = composed(agent, model, task, cfg);
      int states = task.info().states();
      int actions = task.info().actions();
      StepWindow head = rows.window(0, pinned, states, actions);
      StepTokens wantHead = new StepTokens(1, head.length);
      StepEncoding.encodeWindow(cfg, perm, head, wantHead, 0);
      // the kept episodes start after a boundary row: encode from it and skip its token
      StepWindow tail = rows.window(from - 1, total, states, actions);
      StepTokens wantTail = new StepTokens(1, tail.length);
      StepEncoding.encodeWindow(cfg, perm, tail, wantTail, 0);
      StepTokens want = new StepTokens(1, got.steps);
      for (int i = 0; i < pinned; i++) {
        want.copyToken(wantHead, i, i);
      }
      for (int i = 1; i < wantTail.steps; i++) {
        want.copyToken(wantTail, i, pinned + i - 1);
      }
      assertSameTokens(want, got, "pinned demonstrations, then rows " + from + ".." + total);
    }
  }
}
