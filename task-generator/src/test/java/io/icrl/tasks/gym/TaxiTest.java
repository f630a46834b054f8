package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.TabularMdp;
import org.junit.jupiter.api.Test;

/** Taxi-v4 rules spelled out on single transitions (the full table is checked in golden tests). */
class TaxiTest {
  private static final TabularMdp TAXI = TaskRegistry.standard().make("Taxi-v4").mdp()
      .orElseThrow();

  private static int onlyNext(int s, int a) {
    assertEquals(1, TAXI.outcomeEnd(s, a) - TAXI.outcomeStart(s, a));
    return TAXI.next(TAXI.outcomeStart(s, a));
  }

  private static double onlyReward(int s, int a) {
    return TAXI.rewardMean(TAXI.outcomeStart(s, a));
  }

  @Test
  void encodingRoundTrips() {
    for (int s = 0; s < 500; s++) {
      int[] d = Taxi.decode(s);
      assertEquals(s, Taxi.encode(d[0], d[1], d[2], d[3]));
    }
    assertArrayEquals(new int[] {3, 1, 2, 0}, Taxi.decode(Taxi.encode(3, 1, 2, 0)));
  }

  @Test
  void startsUniformlyOnThe300WaitingStates() {
    int starts = 0;
    for (int s = 0; s < 500; s++) {
      int[] d = Taxi.decode(s);
      boolean waiting = d[2] < 4 && d[2] != d[3];
      assertEquals(waiting ? 1.0 / 300 : 0.0, TAXI.startProbability(s), 0);
      starts += waiting ? 1 : 0;
    }
    assertEquals(300, starts);
  }

  @Test
  void pickupDropoffAndWalls() {
    int atR = Taxi.encode(0, 0, 0, 1); // taxi on R, passenger on R, going to G
    assertEquals(Taxi.encode(0, 0, 4, 1), onlyNext(atR, 4));
    assertEquals(-1.0, onlyReward(atR, 4));
    int elsewhere = Taxi.encode(2, 2, 0, 1);
    assertEquals(elsewhere, onlyNext(elsewhere, 4));
    assertEquals(-10.0, onlyReward(elsewhere, 4));

    int atG = Taxi.encode(0, 4, 4, 1); // passenger aboard, on the destination
    assertEquals(Taxi.encode(0, 4, 1, 1), onlyNext(atG, 5));
    assertEquals(20.0, onlyReward(atG, 5));
    assertTrue(TAXI.terminates(TAXI.outcomeStart(atG, 5)));
    int atY = Taxi.encode(4, 0, 4, 1); // aboard, on pad Y: dropped there, no reward
    assertEquals(Taxi.encode(4, 0, 2, 1), onlyNext(atY, 5));
    assertEquals(-1.0, onlyReward(atY, 5));
    assertEquals(-10.0, onlyReward(Taxi.encode(2, 2, 4, 1), 5));

    // the wall between (0, 1) and (0, 2): east from column 1 is blocked, west from column 2 too
    assertEquals(Taxi.encode(0, 1, 0, 1), onlyNext(Taxi.encode(0, 1, 0, 1), 2));
    assertEquals(Taxi.encode(0, 2, 0, 1), onlyNext(Taxi.encode(0, 2, 0, 1), 3));
    assertEquals(Taxi.encode(1, 2, 0, 1), onlyNext(Taxi.encode(0, 2, 0, 1), 0));
    assertEquals(Taxi.encode(2, 2, 0, 1), onlyNext(Taxi.encode(2, 1, 0, 1), 2));
  }
}
