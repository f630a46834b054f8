package io.icrl.eval.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.eval.ImitatingRowModel;
import io.icrl.eval.ImitatingRowModel.Row;
import io.icrl.eval.Mode;
import io.icrl.eval.TestSettings;
import io.icrl.eval.TestTasks;
import io.icrl.eval.context.ContextData;
import io.icrl.eval.context.ContextEpisode;
import io.icrl.eval.context.EpisodePolicy;
import io.icrl.eval.task.PreparedTask;
import io.icrl.synth.format.Tag;
import io.icrl.tasks.TabularTask;
import io.icrl.tasks.env.DiscreteEnv;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InContextAgentTest {
  private final PreparedTask lake = PreparedTask.prepare(
      new TabularTask("lake", TestTasks.frozenLake(false)), TestSettings.with().references(), 1);

  private AgentRun run(long seed, RewardShaping shaping) {
    return new AgentRun(lake.info(), Mode.IMITATION, 5, new SplittableRandom(seed), Tag.OPT3,
        Tag.UNK, shaping);
  }

  private List<ContextEpisode> demos(int n) {
    return ContextData.rollouts(lake.newEnv(), 3, EpisodePolicy.optimal(lake.optimum()), n,
        Tag.OPT3, new SplittableRandom(3));
  }

  private double playEpisodes(InContextAgent agent, int episodes, List<Double> returns) {
    DiscreteEnv env = lake.newEnv();
    int s = env.reset(11);
    double total = 0;
    for (int e = 0; e < episodes; e++) {
      if (e > 0) {
        s = env.reset();
      }
      double ret = 0;
      while (true) {
        int a = agent.act(s);
        s = env.step(a);
        ret += env.reward();
        agent.observe(env.reward(), s, env.terminated(), env.truncated());
        if (env.terminated() || env.truncated()) {
          break;
        }
      }
      returns.add(ret);
      total += ret;
    }
    return total;
  }

  @Test
  void feedsRowsInTrainingSemanticsWithPermutedIds() {
    ImitatingRowModel model = new ImitatingRowModel(32, 8);
    InContextAgent agent = new InContextAgent(model, TemperatureSchedule.constant(0));
    agent.begin(run(1, new RewardShaping(10, 1)));
    List<ContextEpisode> ctx = demos(2);
    ctx.forEach(agent::observeContext);
    int contextRows = ctx.get(0).length() + ctx.get(1).length() + 2;
    assertEquals(contextRows, model.rowsInContext());
    // Context rows: the data's tag, the run's prompt, shaped rewards, a boundary row per episode.
    Map<Integer, Integer> statePerm = new HashMap<>();
    int i = 0;
    for (ContextEpisode ep : ctx) {
      for (int t = 0; t < ep.length(); t++, i++) {
        Row r = model.rows().get(i);
        assertEquals(Tag.OPT3, r.tag());
        assertEquals(Tag.OPT3, r.prompt());
        assertEquals(10 * ep.reward(t) + 1, r.reward(), 1e-6);
        assertFalse(r.terminated() || r.truncated());
        assertTrue(r.action() >= 0 && r.action() < 4, "action ids stay within the task's actions");
        Integer prev = statePerm.put(ep.state(t), r.state());
        assertTrue(prev == null || prev == r.state(), "one state id per state");
      }
      Row boundary = model.rows().get(i++);
      assertEquals(-1, boundary.action());
      assertEquals(0f, boundary.reward());
      assertTrue(boundary.terminated());
      assertEquals(Tag.UNK, boundary.prompt(), "boundary rows carry prompt UNK, as in the data");
      assertEquals(Tag.UNK, boundary.tag());
    }
    // Acting: a frozen imitator reproduces the demonstrator through the permutations.
    List<Double> returns = new java.util.ArrayList<>();
    assertEquals(3.0, playEpisodes(agent, 3, returns), 1e-12);
    Row own = model.rows().get(contextRows);
    assertEquals(Tag.UNK, own.tag());
    assertEquals(Tag.OPT3, own.prompt());
    long boundaries = model.rows().stream().filter(r -> r.action() < 0).count();
    assertEquals(2 + 3, boundaries, "one boundary row per episode; the context is kept");
    assertEquals(1, model.resets());
    agent.end();
    assertTrue(model.closed());
  }

  @Test
  void permutationsAreFreshPerRun() {
    ImitatingRowModel model = new ImitatingRowModel(16, 4);
    InContextAgent agent = new InContextAgent(model, TemperatureSchedule.constant(1));
    agent.begin(run(1, RewardShaping.NONE));
    agent.observeContext(demos(1).get(0));
    int first = model.rows().get(0).state();
    int differing = 0;
    for (long seed = 2; seed < 12; seed++) {
      agent.begin(run(seed, RewardShaping.NONE));
      assertEquals(0, model.rowsInContext(), "a new run empties the context");
      agent.observeContext(demos(1).get(0));
      if (model.rows().get(0).state() != first) {
        differing++;
      }
    }
    assertTrue(differing >= 5, "the start state's id changes between runs");
  }

  @Test
  void samplingFollowsTheTemperature() {
    ImitatingRowModel model = new ImitatingRowModel(16, 4);
    InContextAgent hot = new InContextAgent(model, new TemperatureSchedule(1000, 0, 2, false));
    hot.begin(run(5, RewardShaping.NONE));
    demos(1).forEach(hot::observeContext);
    // Episode 1 at temperature 1000 is close to uniform: with 20 logits apart, the demonstrated
    // action is not always taken.
    int[] seen = new int[4];
    for (int k = 0; k < 400; k++) {
      seen[hot.act(0)]++;
      model.endRow(0, 0, false, false); // keep the model's row bookkeeping balanced
    }
    for (int a = 0; a < 4; a++) {
      assertTrue(seen[a] > 50, "action " + a + " drawn " + seen[a] + " times");
    }
  }

  @Test
  void eachRunSamplesAtItsModesSchedule() {
    ImitatingRowModel model = new ImitatingRowModel(16, 4);
    java.util.Map<Mode, TemperatureSchedule> byMode =
        new java.util.EnumMap<>(InContextAgent.everyMode(TemperatureSchedule.constant(0)));
    byMode.put(Mode.ONLINE, TemperatureSchedule.constant(1000));
    InContextAgent agent = new InContextAgent(model, byMode);
    for (Mode mode : new Mode[] {Mode.IMITATION, Mode.ONLINE}) {
      agent.begin(new AgentRun(lake.info(), mode, 5, new SplittableRandom(9), Tag.OPT3, Tag.UNK,
          RewardShaping.NONE));
      demos(1).forEach(agent::observeContext);
      java.util.Set<Integer> seen = new java.util.HashSet<>();
      for (int k = 0; k < 200; k++) {
        seen.add(agent.act(0));
        model.endRow(0, 0, false, false);
      }
      // greedy (imitation's 0) always takes the demonstrated action; 1000 (online) takes all
      assertEquals(mode == Mode.ONLINE ? 4 : 1, seen.size(), mode + ": " + seen);
    }
    assertThrows(IllegalArgumentException.class, () -> new InContextAgent(model,
        java.util.Map.of(Mode.ONLINE, TemperatureSchedule.constant(1))));
  }

  @Test
  void aScheduleOverStepsCoolsAfterTheAgentsOwnSteps() {
    ImitatingRowModel model = new ImitatingRowModel(16, 4);
    InContextAgent agent = new InContextAgent(model, new TemperatureSchedule(1000, 0, 1, false,
        5));
    agent.begin(run(5, RewardShaping.NONE));
    demos(1).forEach(agent::observeContext);
    int[] seen = new int[4];
    for (int k = 0; k < 200; k++) { // episode 1 is hot however long it lasts
      seen[agent.act(0)]++;
      agent.observe(0, 0, false, false);
    }
    assertTrue(seen[0] > 20 && seen[1] > 20 && seen[2] > 20 && seen[3] > 20,
        java.util.Arrays.toString(seen));
    agent.act(0);
    agent.observe(0, 15, true, false); // episode 2 starts after 201 steps: greedy
    int greedy = agent.act(0);
    for (int k = 0; k < 50; k++) {
      agent.observe(0, 0, false, false);
      assertEquals(greedy, agent.act(0));
    }
  }

  @Test
  void rejectsTasksLargerThanTheModel() {
    InContextAgent agent = new InContextAgent(new ImitatingRowModel(8, 8),
        TemperatureSchedule.constant(1));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> agent.begin(run(1, RewardShaping.NONE)));
    assertTrue(e.getMessage().contains("16 states"), e.getMessage());
  }

  @Test
  void idPermutationIsABijection() {
    IdPermutation p = IdPermutation.random(50, new SplittableRandom(4));
    boolean[] hit = new boolean[50];
    for (int i = 0; i < 50; i++) {
      hit[p.apply(i)] = true;
      assertEquals(i, p.invert(p.apply(i)));
    }
    for (boolean h : hit) {
      assertTrue(h);
    }
    assertEquals(-1, p.apply(-1));
    assertNotEquals(IdPermutation.identity(50).apply(7), -1);
  }

  @Test
  void temperatureSchedules() {
    TemperatureSchedule lin = new TemperatureSchedule(1.0, 0.1, 10, false);
    assertEquals(1.0, lin.at(1), 1e-12);
    assertEquals(0.6, lin.at(5), 1e-12);
    assertEquals(0.1, lin.at(10), 1e-12);
    assertEquals(0.1, lin.at(50), 1e-12);
    TemperatureSchedule geo = new TemperatureSchedule(1.0, 0.01, 3, true);
    assertEquals(0.1, geo.at(2), 1e-12);
    assertEquals(0.3, TemperatureSchedule.constant(0.3).at(1), 0);
    assertThrows(InvalidInputException.class, () -> new TemperatureSchedule(1, 0, 5, true));
    assertThrows(InvalidInputException.class, () -> new TemperatureSchedule(-1, 0, 5, false));
    TemperatureSchedule steps = new TemperatureSchedule(1.0, 0.1, 1, false, 10_000);
    assertEquals(1.0, steps.at(7, 0), 1e-12, "over steps, the episode number does not matter");
    assertEquals(0.55, steps.at(2, 5_000), 1e-12);
    assertEquals(0.1, steps.at(3, 20_000), 1e-12);
    assertEquals(10_000, TestSettings.with("icrl.eval.temperature.anneal-steps=10000")
        .temperature().annealSteps());
    TemperatureSchedule fromConf = TestSettings.with().temperature();
    assertEquals(1.0, fromConf.at(1), 0);
    assertEquals(0.1, fromConf.at(10), 1e-12);
  }

  @Test
  void aModeWithPinnedDataPinsItsContextDataOnceBeforeTheFirstAction() {
    ImitatingRowModel model = new ImitatingRowModel(16, 4);
    InContextAgent agent = new InContextAgent(model,
        InContextAgent.everyMode(TemperatureSchedule.constant(0)), java.util.Map.of(
            Mode.IMITATION, ContextPolicy.data(0.5), Mode.ONLINE, new ContextPolicy(0.3, 1, true)));
    for (Mode mode : new Mode[] {Mode.IMITATION, Mode.OFFLINE}) {
      agent.begin(new AgentRun(lake.info(), mode, 5, new SplittableRandom(3), Tag.OPT3, Tag.UNK,
          RewardShaping.NONE));
      demos(2).forEach(agent::observeContext);
      int dataRows = model.rowsInContext();
      for (int k = 0; k < 3; k++) {
        agent.act(0);
        agent.observe(0, 0, false, false);
      }
      agent.act(0);
      agent.observe(0, 15, true, false);
      agent.act(0);
      // imitation pins its data (and only once); offline, with no share set, pins nothing
      assertEquals(mode == Mode.IMITATION ? List.of(dataRows) : List.of(), model.pinnedRows(),
          mode.id());
      assertFalse(model.dropsLowestReturnFirst(), mode.id());
    }
    // online pins its own first episode once it has ended
    agent.begin(new AgentRun(lake.info(), Mode.ONLINE, 5, new SplittableRandom(3), Tag.OPT3,
        Tag.UNK, RewardShaping.NONE));
    assertTrue(model.dropsLowestReturnFirst(), "online drops its lowest-return episodes first");
    agent.act(0);
    agent.observe(0, 1, false, false);
    agent.act(1);
    assertEquals(List.of(), model.pinnedRows());
    agent.observe(0, 15, true, false);
    assertEquals(List.of(3), model.pinnedRows(), "two action rows and the boundary row");
    agent.act(0);
    agent.observe(0, 15, true, false);
    assertEquals(List.of(3), model.pinnedRows(), "pinned once");
    assertThrows(IllegalArgumentException.class, () -> ContextPolicy.data(1.0));
    assertThrows(IllegalArgumentException.class, () -> new ContextPolicy(0.5, -1, false));
  }
}
