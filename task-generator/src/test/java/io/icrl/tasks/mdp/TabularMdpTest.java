package io.icrl.tasks.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class TabularMdpTest {
  @Test
  void buildsCsrRowsInInsertionOrder() {
    TabularMdp m = TabularMdp.builder(2, 2).start(0, 1)
        .outcome(1, 1, 0, 1.0, 0, false)
        .outcome(0, 0, 1, 0.25, 2.0, false)
        .outcome(0, 0, 0, 0.75, -1.0, true)
        .outcome(0, 1, 1, 1.0, 0, false)
        .outcome(1, 0, 1, 1.0, 0, false)
        .build();
    int k = m.outcomeStart(0, 0);
    assertEquals(2, m.outcomeEnd(0, 0) - k);
    assertEquals(1, m.next(k));
    assertEquals(0.25, m.prob(k));
    assertEquals(0, m.next(k + 1));
    assertTrue(m.terminates(k + 1));
    assertEquals(0.25 * 2.0 - 0.75, m.expectedReward(0, 0), 1e-15);
  }

  @Test
  void probabilitiesThatDoNotSumToOneAreRejectedNamingTheRow() {
    var b = TabularMdp.builder(1, 2).start(0, 1)
        .outcome(0, 0, 0, 0.5, 0, false)
        .outcome(0, 1, 0, 1.0, 0, false);
    InvalidInputException e = assertThrows(InvalidInputException.class, b::build);
    assertTrue(e.getMessage().contains("state 0, action 0"), e.getMessage());
    assertTrue(e.getMessage().contains("0.5"), e.getMessage());
  }

  @Test
  void missingRowsBadSizesAndBadStartAreRejected() {
    assertThrows(InvalidInputException.class, () -> TabularMdp.builder(0, 2));
    assertThrows(InvalidInputException.class, () -> TabularMdp.builder(3, -1));
    assertThrows(InvalidInputException.class,
        () -> TabularMdp.builder(1, 2).start(0, 1).outcome(0, 0, 0, 1, 0, false).build());
    assertThrows(InvalidInputException.class,
        () -> TabularMdp.builder(1, 1).start(0, 0.5).outcome(0, 0, 0, 1, 0, false).build());
    assertThrows(InvalidInputException.class,
        () -> TabularMdp.builder(1, 1).outcome(0, 0, 5, 1, 0, false));
  }

  @Test
  void fingerprintIdentifiesTheNumbersNotTheName() {
    TabularMdp a = ChainMdp.of(5, 0.1, 20);
    TabularMdp b = ChainMdp.of(5, 0.1, 20).withName("other");
    assertEquals(a.fingerprint(), b.fingerprint());
    assertEquals(a, b);
    assertNotEquals(a.fingerprint(), ChainMdp.of(5, 0.2, 20).fingerprint());
    assertNotEquals(a.fingerprint(), a.withMaxEpisodeSteps(21).fingerprint());
  }
}
