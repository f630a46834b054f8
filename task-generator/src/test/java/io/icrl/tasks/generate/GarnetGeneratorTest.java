package io.icrl.tasks.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GarnetGeneratorTest {
  @Test
  void eachStateActionHasBranchingDistinctSuccessors() {
    TabularMdp m = Generators.generate("garnet:states=50,actions=4,branching=3,sigma=0.5,seed=2");
    MdpChecks.assertWellFormed(m);
    assertEquals(50, m.states());
    assertEquals(4, m.actions());
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (int s = 0; s < 50; s++) {
      for (int a = 0; a < 4; a++) {
        Set<Integer> next = new HashSet<>();
        for (int k = m.outcomeStart(s, a); k < m.outcomeEnd(s, a); k++) {
          next.add(m.next(k));
          assertEquals(0.0, m.rewardStd(k), 0.0);
          sum += m.rewardMean(k);
          sq += m.rewardMean(k) * m.rewardMean(k);
          n++;
        }
        assertEquals(3, next.size());
      }
    }
    assertEquals(0.0, sum / n, 0.1);
    assertEquals(0.5, Math.sqrt(sq / n), 0.06);
    int starts = 0;
    for (int s = 0; s < 50; s++) {
      starts += m.startProbability(s) > 0 ? 1 : 0;
    }
    assertEquals(1, starts);
    assertTrue(m.maxEpisodeSteps() >= 200 && m.maxEpisodeSteps() <= 400);
  }

  @Test
  void fullBranchingAndSingleStates() {
    TabularMdp full = Generators.generate("garnet:states=5,actions=2,branching=5");
    for (int s = 0; s < 5; s++) {
      assertEquals(5, full.outcomeEnd(s, 0) - full.outcomeStart(s, 0));
    }
    TabularMdp one = Generators.generate("garnet:states=1,actions=1,branching=1");
    MdpChecks.assertWellFormed(one);
    assertEquals(1, one.maxEpisodeSteps());
    assertThrows(InvalidInputException.class,
        () -> Generators.generate("garnet:states=4,branching=5"));
    assertThrows(InvalidInputException.class, () -> Generators.generate("garnet:sigma=-1"));
  }
}
