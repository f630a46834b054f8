package io.icrl.tasks.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizon;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AnyMdpGeneratorTest {
  @Test
  void sameIdSameBits() {
    for (String id : new String[] {"anymdp:states=16,actions=5,seed=3", "anymdp:states=1,seed=2",
        "anymdp:states=48,actions=3,seed=11"}) {
      TabularMdp a = Generators.generate(id);
      TabularMdp b = Generators.generate(id);
      assertEquals(a.fingerprint(), b.fingerprint(), id);
      assertEquals(a, b);
    }
  }

  @Test
  void concurrentGenerationGivesTheSameBits() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int seed = 0; seed < 12; seed++) {
      ids.add("anymdp:states=" + (16 + 8 * (seed % 3)) + ",seed=" + seed);
    }
    List<String> serial = new ArrayList<>();
    for (String id : ids) {
      serial.add(Generators.generate(id).fingerprint());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (String id : ids) {
          futures.add(pool.submit(() -> Generators.generate(id).fingerprint()));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(serial.get(i % ids.size()), futures.get(i).get(), ids.get(i % ids.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The generator is versioned: these bits must never change. If this fails, the anymdp algorithm,
   * its defaults or a draw changed; publish the change under a new generator name instead.
   */
  @Test
  void pinnedFingerprints() {
    assertEquals(PINNED_16, Generators.generate("anymdp:states=16,actions=5,seed=3").fingerprint());
    assertEquals(PINNED_BANDIT, Generators.generate("anymdp:states=1,actions=4,seed=1")
        .fingerprint());
  }

  static final String PINNED_16 =
      "3a20739da6a86b14bc5892a0467bbd648a8aa722635a5785ffbee0a5417e064f";
  static final String PINNED_BANDIT =
      "e950cf78599ece9e316ca547837603a8fd217bff4527e5346b23d1c973f6cc62";

  @Test
  void differentSeedsDifferentTasks() {
    Set<String> prints = new HashSet<>();
    for (int seed = 0; seed < 20; seed++) {
      prints.add(Generators.generate("anymdp:states=16,seed=" + seed).fingerprint());
    }
    assertEquals(20, prints.size());
    assertNotEquals(Generators.generate("anymdp:states=1,seed=0").fingerprint(),
        Generators.generate("anymdp:states=1,seed=1").fingerprint());
  }

  @Test
  void acceptedTasksAreWellFormedAndLearnable() {
    for (int seed = 0; seed < 12; seed++) {
      int states = new int[] {8, 16, 32, 64}[seed % 4];
      int actions = 2 + seed % 4;
      AnyMdpGenerator.Draw d = AnyMdpGenerator.draw(states, actions, seed);
      TabularMdp m = d.mdp();
      MdpChecks.assertWellFormed(m);
      assertEquals(states, m.states());
      assertEquals(actions, m.actions());
      assertTrue(d.verdict().accepted(), d.verdict().reason());
      assertTrue(d.attempts() >= 1);
      // Step limit: the ceiling of U[max(4n, 100), max(min(8n, 500), max(4n, 100) + 1)).
      double lower = Math.max(4.0 * states, 100);
      double upper = Math.max(Math.min(8.0 * states, 500), lower + 1);
      assertTrue(d.horizon() >= lower && d.horizon() < upper);
      assertEquals((int) Math.ceil(d.horizon()), m.maxEpisodeSteps());
      // Relabelling the states does not change the verdict.
      assertTrue(AnyMdpAcceptance.check(m, d.horizon()).accepted());
      // One to three start states, at most one goal.
      int starts = 0;
      int goals = 0;
      for (int s = 0; s < states; s++) {
        starts += m.startProbability(s) > 0 ? 1 : 0;
        goals += m.kind(s) == StateKind.GOAL ? 1 : 0;
      }
      assertTrue(starts >= 1 && starts <= 3);
      assertTrue(goals <= 1);
      // Optimal play within the step limit beats random play.
      double opt = FiniteHorizon.optimalReturn(m);
      double rnd = FiniteHorizon.randomReturn(m);
      assertTrue(opt > rnd + 1e-6, m.name() + ": optimal " + opt + " vs random " + rnd);
    }
  }

  @Test
  void banditsOfEverySize() {
    for (int actions = 1; actions <= 6; actions++) {
      TabularMdp m = Generators.generate("anymdp:states=1,actions=" + actions + ",seed=" + actions);
      MdpChecks.assertWellFormed(m);
      assertEquals(1, m.maxEpisodeSteps());
      for (int a = 0; a < actions; a++) {
        int k = m.outcomeStart(0, a);
        assertTrue(m.terminates(k));
        assertTrue(m.rewardMean(k) > 0 && m.rewardMean(k) <= 2.0);
      }
      if (actions > 1) {
        assertTrue(FiniteHorizon.optimalReturn(m) > FiniteHorizon.randomReturn(m));
      }
    }
  }

  @Test
  void largeTasksAreSparseAndAccepted() {
    AnyMdpGenerator.Draw d = AnyMdpGenerator.draw(1024, 16, 7);
    TabularMdp m = d.mdp();
    MdpChecks.assertWellFormed(m);
    assertEquals(1024, m.states());
    assertEquals(16, m.actions());
    // Band transitions: far fewer outcomes than states x actions x states.
    assertTrue(m.outcomeCount() < 1024 * 16 * 64, "outcomes " + m.outcomeCount());
    // Accepted means optimal beats random by the margin (finite-horizon returns at this size are
    // checked in the smaller tests; a 4097-step backward induction here would take seconds).
    assertTrue(d.verdict().accepted());
    assertTrue(d.verdict().valueGap() >= AnyMdpAcceptance.MIN_VALUE_GAP);
  }

  @Test
  void badSizesAreClearErrors() {
    assertMessage("anymdp:states=0", "states=0");
    assertMessage("anymdp:actions=-2", "actions=-2");
    assertMessage("anymdp:states=5", "states >= 8");
    assertMessage("anymdp:states=16,actions=1", "actions >= 2");
    assertMessage("anymdp:states=99999", "at most");
    assertMessage("anymdp:states=16,colour=red", "colour");
    assertMessage("anymdp:states=x", "not an integer");
  }

  static void assertMessage(String id, String fragment) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Generators.generate(id), id);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
