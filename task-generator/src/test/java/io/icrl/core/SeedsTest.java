package io.icrl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
  private static final long PINNED_TASK_0 = 2398368799012588922L;

  @Test
  void derivationIsAPureFunction() {
    assertEquals(Seeds.derive(7, "task", 3), Seeds.derive(7, "task", 3));
    assertEquals(Seeds.rng(7, "task", 3).nextLong(), Seeds.rng(7, "task", 3).nextLong());
  }

  @Test
  void streamsIndicesAndRootsNeverCollideInPractice() {
    Set<Long> seen = new HashSet<>();
    for (long root = 0; root < 4; root++) {
      for (String stream : new String[] {"task", "behavior", "eval"}) {
        for (int i = 0; i < 2000; i++) {
          seen.add(Seeds.derive(root, stream, i));
        }
      }
    }
    assertEquals(4 * 3 * 2000, seen.size());
    assertNotEquals(Seeds.derive(1, "a", 0), Seeds.derive(0, "a", 1));
  }

  @Test
  void knownValueIsStableAcrossReleases() {
    // Pinned so that a change to the derivation (which would change every dataset) is noticed.
    assertEquals(6238072747940578789L, Seeds.mix(1L));
    assertEquals(PINNED_TASK_0, Seeds.derive(0, "task", 0));
  }

  @Test
  void gaussianIsStandardNormal() {
    var rng = Seeds.rng(1, "g", 0);
    int n = 200_000;
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double x = Gaussian.next(rng);
      sum += x;
      sq += x * x;
    }
    double mean = sum / n;
    assertEquals(0, mean, 0.01);
    assertEquals(1, sq / n - mean * mean, 0.02);
  }
}
