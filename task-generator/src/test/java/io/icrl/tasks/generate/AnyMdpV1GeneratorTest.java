package io.icrl.tasks.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import org.junit.jupiter.api.Test;

class AnyMdpV1GeneratorTest {
  @Test
  void geometricTasksAreWellFormed() {
    for (int seed = 0; seed < 6; seed++) {
      int states = new int[] {3, 8, 16, 48}[seed % 4];
      TabularMdp m = Generators.generate("anymdp-v1:states=" + states + ",actions=3,seed=" + seed);
      MdpChecks.assertWellFormed(m);
      assertTrue(m.maxEpisodeSteps() >= 4 * states);
      for (int s = 0; s < states; s++) {
        for (int a = 0; a < 3; a++) {
          int outcomes = m.outcomeEnd(s, a) - m.outcomeStart(s, a);
          assertTrue(outcomes >= 1 && outcomes <= AnyMdpV1Transitions.MAX_DIVERSITY);
        }
        if (m.startProbability(s) > 0) {
          assertEquals(StateKind.NORMAL, m.kind(s));
        }
      }
      assertEquals(m.fingerprint(), Generators.generate(m.name()).fingerprint());
    }
  }

  @Test
  void transitionsAimNearTheirTargets() {
    AnyMdpV1Transitions t = null;
    for (int i = 0; t == null; i++) {
      t = AnyMdpV1Transitions.sample(32, 4, Seeds.rng(5, "t", i));
    }
    // Start states lie early along the first axis, goals late.
    double startMax = Double.NEGATIVE_INFINITY;
    double goalMin = Double.POSITIVE_INFINITY;
    for (int s = 0; s < 32; s++) {
      if (t.start[s] > 0) {
        startMax = Math.max(startMax, t.loc[s][0]);
        assertTrue(!t.trigger(s));
      }
      if (t.positive[s]) {
        goalMin = Math.min(goalMin, t.loc[s][0]);
      }
    }
    if (goalMin < Double.POSITIVE_INFINITY) {
      assertTrue(goalMin > startMax, "goals " + goalMin + " before starts " + startMax);
    }
    double q = t.quality();
    assertTrue(q >= -1 && q <= 2, "quality " + q);
  }

  @Test
  void banditsAndErrors() {
    TabularMdp b = Generators.generate("anymdp-v1:states=1,actions=4,seed=3");
    MdpChecks.assertWellFormed(b);
    assertTrue(b.maxEpisodeSteps() >= 4);
    assertNotEquals(b.rewardMean(0), b.rewardMean(1));
    assertThrows(InvalidInputException.class, () -> Generators.generate("anymdp-v1:states=2"));
  }
}
