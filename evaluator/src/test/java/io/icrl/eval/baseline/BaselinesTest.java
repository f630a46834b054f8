package io.icrl.eval.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.eval.Mode;
import io.icrl.eval.TestSettings;
import io.icrl.eval.TestTasks;
import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.agent.RewardShaping;
import io.icrl.eval.context.ContextData;
import io.icrl.eval.context.ContextEpisode;
import io.icrl.eval.context.EpisodePolicy;
import io.icrl.eval.task.PreparedTask;
import io.icrl.synth.format.Tag;
import io.icrl.tasks.TabularTask;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizon;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  private static final QLearningSettings Q = new QLearningSettings(0.2, 0.99, 0.1, true);
  private static final UcbQSettings UCB = new UcbQSettings(0.99, 0.05, 0.05, true);
  private static final ModelBasedSettings MB = new ModelBasedSettings(0.99, 0.005, 10, 32, true);

  private static PreparedTask prepare(TabularMdp mdp) {
    return PreparedTask.prepare(new TabularTask(mdp.name(), mdp),
        TestSettings.with().references(), 1);
  }

  private static AgentRun run(PreparedTask t, Mode mode, long seed) {
    return new AgentRun(t.info(), mode, 100, new SplittableRandom(seed), Tag.OPT3, Tag.UNK,
        RewardShaping.NONE);
  }

  /** Plays {@code episodes} episodes and returns each one's return. */
  private static double[] play(EvalAgent agent, PreparedTask t, int episodes, long seed,
      List<ContextEpisode> context) {
    agent.begin(run(t, context.isEmpty() ? Mode.ONLINE : Mode.IMITATION, seed));
    context.forEach(agent::observeContext);
    DiscreteEnv env = t.newEnv();
    double[] returns = new double[episodes];
    int s = env.reset(seed);
    for (int e = 0; e < episodes; e++) {
      if (e > 0) {
        s = env.reset();
      }
      while (true) {
        int a = agent.act(s);
        s = env.step(a);
        returns[e] += env.reward();
        agent.observe(env.reward(), s, env.terminated(), env.truncated());
        if (env.terminated() || env.truncated()) {
          break;
        }
      }
    }
    agent.end();
    return returns;
  }

  private static double mean(double[] xs, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += xs[i];
    }
    return s / (to - from);
  }

  @Test
  void oracleScoresAboutOneAndRandomAboutZeroOnRandomMdps() {
    for (long seed = 1; seed <= 3; seed++) {
      PreparedTask t = prepare(TestTasks.randomMdp(10, 4, seed, 20));
      double oracle = mean(play(new OracleAgent(t.optimum()), t, 2000, seed, List.of()), 0, 2000);
      double random = mean(play(new RandomAgent(), t, 2000, seed, List.of()), 0, 2000);
      double oracleScore = t.references().score(oracle);
      double span = t.references().optimal() - t.references().random();
      assertTrue(span > 1, "a random MDP should separate optimal and random, span " + span);
      assertEquals(1.0, (oracle - t.references().random()) / span, 0.05, "oracle seed " + seed);
      assertEquals(0.0, (random - t.references().random()) / span, 0.05, "random seed " + seed);
      assertTrue(oracleScore > 0.95);
    }
  }

  @Test
  void qLearningConvergesOnDeterministicFrozenLake() {
    PreparedTask t = prepare(TestTasks.frozenLake(false));
    QLearningAgent agent = new QLearningAgent(Q);
    double[] returns = play(agent, t, 600, 3, List.of());
    int[] greedy = new int[16];
    for (int s = 0; s < 16; s++) {
      for (int a = 1; a < 4; a++) {
        if (agent.q(s, a) > agent.q(s, greedy[s])) {
          greedy[s] = a;
        }
      }
    }
    assertEquals(1.0, FiniteHorizon.evaluate(t.model(), greedy), 1e-12,
        "the greedy policy of the learned Q-table reaches the goal");
    assertTrue(mean(returns, 500, 600) > 0.5, "epsilon-greedy play mostly succeeds late on");
  }

  @Test
  void ucbQLearningLearnsDeterministicFrozenLakeAndRandomMdps() {
    PreparedTask lake = prepare(TestTasks.frozenLake(false));
    double[] r = play(new UcbQLearningAgent(UCB), lake, 300, 5, List.of());
    assertTrue(mean(r, 250, 300) > 0.9, "UCB-Q solves deterministic FrozenLake: "
        + mean(r, 250, 300));
    PreparedTask t = prepare(TestTasks.randomMdp(10, 4, 9, 20));
    double[] q = play(new UcbQLearningAgent(UCB), t, 1500, 9, List.of());
    double late = t.references().score(mean(q, 1000, 1500));
    assertTrue(late > 0.6, "UCB-Q learns a random MDP: " + late);
  }

  @Test
  void modelBasedLearnsRandomMdpsQuicklyAndUsesContextData() {
    double late = 0;
    for (long seed = 1; seed <= 3; seed++) {
      PreparedTask t = prepare(TestTasks.randomMdp(10, 4, seed, 20));
      late += t.references().score(mean(play(new ModelBasedAgent(MB), t, 200, seed, List.of()),
          150, 200)) / 3;
    }
    assertTrue(late > 0.8, "the model-based learner nearly solves 10-state MDPs in 200 episodes: "
        + late);

    // 100 episodes of random play cover every (state, action) of a 10 x 4 task many times: replayed
    // into the model, they let the learner exploit at once instead of exploring first
    PreparedTask t = prepare(TestTasks.randomMdp(10, 4, 5, 20));
    List<ContextEpisode> data = ContextData.rollouts(t.newEnv(), 1, EpisodePolicy.random(4), 100,
        Tag.RND, new SplittableRandom(1));
    double with = t.references().score(mean(play(new ModelBasedAgent(MB), t, 10, 4, data), 0, 10));
    double without = t.references().score(mean(play(new ModelBasedAgent(
        new ModelBasedSettings(0.99, 0.005, 10, 32, false)), t, 10, 4, data), 0, 10));
    assertTrue(with > 0.8 && with > without + 0.2,
        "random data replayed into the model: " + with + " vs " + without + " without");
  }

  @Test
  void modelBasedSettingsRejectBadValues() {
    assertThrows(InvalidInputException.class, () -> new ModelBasedSettings(1.0, 0.005, 10, 32,
        true));
    assertThrows(InvalidInputException.class, () -> new ModelBasedSettings(0.9, -1, 10, 32,
        true));
    assertThrows(InvalidInputException.class, () -> new ModelBasedSettings(0.9, 0.1, 0, 32,
        true));
    assertThrows(InvalidInputException.class, () -> new ModelBasedSettings(0.9, 0.1, 1, 0,
        true));
  }

  @Test
  void nearestNeighbourImitatesOptimalDemonstrations() {
    PreparedTask t = prepare(TestTasks.frozenLake(false));
    List<ContextEpisode> demos = ContextData.rollouts(t.newEnv(), 1,
        EpisodePolicy.optimal(t.optimum()), 3, Tag.OPT3, new SplittableRandom(1));
    assertEquals(1.0, ContextData.meanReturn(demos), 1e-12);
    double[] r = play(new NearestNeighbourAgent(), t, 20, 2, demos);
    assertEquals(1.0, mean(r, 0, 20), 1e-12);
    assertFalse(NearestNeighbourAgent.supports(Mode.ONLINE));
    assertTrue(NearestNeighbourAgent.supports(Mode.OFFLINE));
  }

  @Test
  void qLearningUsesContextDataWhenAsked() {
    PreparedTask t = prepare(TestTasks.frozenLake(false));
    List<ContextEpisode> demos = ContextData.rollouts(t.newEnv(), 1,
        EpisodePolicy.optimal(t.optimum()), 30, Tag.OPT3, new SplittableRandom(1));
    double[] with = play(new QLearningAgent(Q), t, 10, 4, demos);
    double[] without = play(new QLearningAgent(new QLearningSettings(0.2, 0.99, 0.1, false)), t,
        10, 4, demos);
    assertTrue(mean(with, 0, 10) > mean(without, 0, 10));
  }

  @Test
  void factoriesByName() {
    for (String name : Baselines.NAMES) {
      assertEquals(name, Baselines.factory(name, Q, UCB, MB).name());
    }
    assertFalse(Baselines.factory("data", Q, UCB, MB).supports(Mode.ONLINE));
    assertFalse(Baselines.factory("1-nn", Q, UCB, MB).supports(Mode.ONLINE));
    assertTrue(Baselines.factory("q-learning", Q, UCB, MB).supports(Mode.ONLINE));
    assertThrows(InvalidInputException.class, () -> Baselines.factory("dqn", Q, UCB, MB));
  }
}
