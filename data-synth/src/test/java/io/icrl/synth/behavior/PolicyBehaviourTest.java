package io.icrl.synth.behavior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.synth.bench.SparseRandomMdps;
import io.icrl.synth.format.Tag;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.ValueIteration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolicyBehaviourTest {
  private static final List<Double> GAMMAS = List.of(0.0, 0.5, 0.93, 0.994);

  /** A 6-state chain: action 1 moves right, action 0 left; the right end pays 1 and ends. */
  private static TabularMdp chain() {
    int n = 6;
    var b = TabularMdp.builder(n, 2).name("chain").maxEpisodeSteps(30).start(0, 1.0)
        .kind(n - 1, StateKind.GOAL);
    for (int s = 0; s < n; s++) {
      boolean end = s == n - 1;
      int right = Math.min(n - 1, s + 1);
      b.outcome(s, 1, right, 1.0, right == n - 1 && !end ? 1.0 : -0.01, right == n - 1 || end);
      b.outcome(s, 0, Math.max(0, s - 1), 1.0, -0.01, end);
    }
    return b.build();
  }

  @Test
  void noisyOracleConvergesToTheOracle() {
    TabularMdp mdp = SparseRandomMdps.generate(12, 4, 3, 0.0);
    ReferencePolicies refs = ReferencePolicies.solve(mdp, GAMMAS);
    NoisyOraclePolicy p = new NoisyOraclePolicy(refs, 2, 4, 1.0 / 2000, new SplittableRandom(5));
    List<Byte> tags = new ArrayList<>();
    Runs.run(mdp, p, 4000, 11, t -> tags.add((byte) t));
    long earlyRandom = tags.subList(0, 200).stream().filter(t -> t == Tag.RND.code()).count();
    assertTrue(earlyRandom > 150, "noise starts near 1: " + earlyRandom + " random of 200");
    assertTrue(tags.subList(2001, 4000).stream().allMatch(t -> t == Tag.OPT2.code()),
        "after the noise has decayed every action is opt2's");
    assertTrue(p.noise() <= 0);
    // and its actions are opt2's actions
    for (int s = 0; s < 12; s++) {
      assertEquals(refs.action(2, s), p.act(s));
      assertEquals(Tag.OPT2.code(), p.tag());
    }
  }

  @Test
  void qLearningFindsTheOptimalPolicyOnAChain() {
    TabularMdp mdp = chain();
    double gamma = 0.9;
    QLearner q = new QLearner(6, 2, 0.5, gamma, 0.01, 1000, 0.0);
    QLearningPolicy p = new QLearningPolicy(q, 2, 1.0, 1.0 / 10_000, new SplittableRandom(1));
    Runs.run(mdp, p, 30_000, 2, t -> {}, q);
    int[] opt = ValueIteration.solve(mdp, gamma).greedyPolicy();
    for (int s = 0; s < 5; s++) {
      assertEquals(opt[s], q.greedy(s), "state " + s);
      assertEquals(1, q.greedy(s));
    }
  }

  @Test
  void qLearningReachesNearOptimalReturnsOnARandomMdp() {
    TabularMdp mdp = SparseRandomMdps.generate(8, 3, 4, 0.0);
    QLearner q = new QLearner(8, 3, 0.3, 0.95, 0.01, 1000, 0.1);
    QLearningPolicy p = new QLearningPolicy(q, 3, 1.0, 1.0 / 20_000, new SplittableRandom(2));
    double before = Runs.normalizedScore(mdp, greedy(q, 8));
    Runs.run(mdp, p, 60_000, 3, t -> {}, q);
    double after = Runs.normalizedScore(mdp, greedy(q, 8));
    double best = Runs.normalizedScore(mdp, ValueIteration.solve(mdp, 0.95).greedyPolicy());
    assertTrue(after > best - 0.05, "normalized score of the learned greedy policy: " + after
        + " (before learning " + before + ", value iteration's " + best + ")");
  }

  @Test
  void modelBasedLearnerEstimatesTheModelAndPlansWell() {
    TabularMdp mdp = SparseRandomMdps.generate(8, 3, 6, 0.0);
    ModelLearner m = new ModelLearner(8, 3, 0.95, 0.05, 2, 64);
    ModelBasedPolicy p = new ModelBasedPolicy(m, 3, 0.5, 1.0 / 10_000, new SplittableRandom(3));
    List<Byte> tags = new ArrayList<>();
    Runs.run(mdp, p, 30_000, 4, t -> tags.add((byte) t), m);
    assertTrue(tags.stream().anyMatch(t -> t == Tag.EXP1.code()));
    assertTrue(tags.subList(0, 1000).stream().anyMatch(t -> t == Tag.RND.code()));
    // The estimated transition probabilities of the start state match the true ones.
    for (int a = 0; a < 3; a++) {
      for (int k = mdp.outcomeStart(0, a); k < mdp.outcomeEnd(0, a); k++) {
        double truth = 0;
        for (int j = mdp.outcomeStart(0, a); j < mdp.outcomeEnd(0, a); j++) {
          truth += mdp.next(j) == mdp.next(k) ? mdp.prob(j) : 0;
        }
        assertEquals(truth, m.estimatedProbability(0, a, mdp.next(k)), 0.1,
            "P(" + mdp.next(k) + " | 0, " + a + ")");
      }
    }
    m.plan();
    int[] pi = new int[8];
    for (int s = 0; s < 8; s++) {
      pi[s] = m.greedy(s);
    }
    double score = Runs.normalizedScore(mdp, pi);
    double best = Runs.normalizedScore(mdp, ValueIteration.solve(mdp, 0.95).greedyPolicy());
    assertTrue(score > best - 0.05, "normalized score of the model-based greedy policy: " + score
        + " (value iteration's " + best + ")");
  }

  @Test
  void guidedLearnerFollowsItsOracleMoreOverTime() {
    TabularMdp mdp = SparseRandomMdps.generate(10, 4, 2, 0.0);
    ReferencePolicies refs = ReferencePolicies.solve(mdp, GAMMAS);
    ModelLearner m = new ModelLearner(10, 4, 0.99, 0.005, 1, 256);
    ModelBasedPolicy p = new ModelBasedPolicy(m, 4, 0.0, 0.0, 0.0, refs, 3, -0.1, 1.0 / 1000, 0.5,
        new SplittableRandom(9));
    List<Byte> tags = new ArrayList<>();
    Runs.run(mdp, p, 6000, 1, t -> tags.add((byte) t), m);
    long early = tags.subList(0, 100).stream().filter(t -> t == Tag.OPT3.code()).count();
    long late = tags.subList(5000, 6000).stream().filter(t -> t == Tag.OPT3.code()).count();
    assertEquals(0, early, "oracle share starts below 0");
    assertTrue(late > 400 && late < 600, "oracle share ends at 0.5: " + late + " of 1000");
  }

  @Test
  void driftingSoftmaxIsSeededAndDrifts() {
    DriftingSoftmaxPolicy a = new DriftingSoftmaxPolicy(4, 3, 2.0, 0.05, new SplittableRandom(4));
    DriftingSoftmaxPolicy b = new DriftingSoftmaxPolicy(4, 3, 2.0, 0.05, new SplittableRandom(4));
    double p0 = a.probability(1, 0);
    int[] actsA = new int[500];
    int[] actsB = new int[500];
    for (int i = 0; i < 500; i++) {
      actsA[i] = a.act(1);
      actsB[i] = b.act(1);
      a.observe(1, actsA[i], 0, 1, false, false);
      b.observe(1, actsB[i], 0, 1, false, false);
      assertEquals(Tag.RND.code(), a.tag());
    }
    assertArrayEquals(actsA, actsB);
    double sum = 0;
    for (int x = 0; x < 3; x++) {
      sum += a.probability(1, x);
    }
    assertEquals(1.0, sum, 1e-12);
    assertNotEquals(p0, a.probability(1, 0), "logits drift");
    DriftingSoftmaxPolicy still = new DriftingSoftmaxPolicy(4, 3, 2.0, 0.0, new SplittableRandom(4));
    double q0 = still.probability(2, 1);
    for (int i = 0; i < 100; i++) {
      still.act(2);
      still.observe(2, 0, 0, 2, false, false);
    }
    assertEquals(q0, still.probability(2, 1));
  }

  private static int[] greedy(QLearner q, int states) {
    int[] pi = new int[states];
    for (int s = 0; s < states; s++) {
      pi[s] = q.greedy(s);
    }
    return pi;
  }
}
