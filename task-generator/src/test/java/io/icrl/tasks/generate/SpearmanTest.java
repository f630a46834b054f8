package io.icrl.tasks.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpearmanTest {
  @Test
  void matchesScipyOnTies() {
    // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.8207826816681233
    assertEquals(0.8207826816681233,
        Spearman.correlation(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}), 1e-12);
    assertArrayEquals(new double[] {1, 2, 3.5, 5, 3.5},
        Spearman.ranks(new double[] {5, 6, 7, 8, 7}), 0.0);
    assertEquals(-1.0, Spearman.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1}),
        1e-12);
    assertTrue(Double.isNaN(Spearman.correlation(new double[] {1, 2}, new double[] {4, 4})));
  }
}
