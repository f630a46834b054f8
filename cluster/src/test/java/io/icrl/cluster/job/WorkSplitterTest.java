package io.icrl.cluster.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkSplitterTest {
  static JobSpec spec(String id, long seedStart, int seeds, int seqs, int seedsPerUnit,
      int seqsPerUnit) {
    return new JobSpec(id, ChecksumExecutor.KIND, seedStart, seeds, seqs, seedsPerUnit, seqsPerUnit,
        3, "", "");
  }

  @Test
  void unitsCoverEverySeedSequenceCellExactlyOnce() {
    JobSpec s = spec("j", 100, 10, 7, 3, 4);
    List<WorkUnit> units = WorkSplitter.split(s);
    assertEquals(4 * 2, units.size());
    assertEquals(s.unitCount(), units.size());
    Set<String> cells = new HashSet<>();
    Set<String> ids = new HashSet<>();
    long total = 0;
    for (WorkUnit u : units) {
      assertTrue(ids.add(u.unitId()));
      assertEquals(0, u.attempt());
      total += u.cells();
      for (long seed = u.seedStart(); seed < u.seedEnd(); seed++) {
        for (int q = u.sequenceStart(); q < u.sequenceEnd(); q++) {
          assertTrue(seed >= 100 && seed < 110 && q >= 0 && q < 7);
          assertTrue(cells.add(seed + "/" + q), "cell covered twice: " + seed + "/" + q);
        }
      }
    }
    assertEquals(70, cells.size());
    assertEquals(70, total);
    assertEquals("u000000", units.get(0).unitId());
    assertEquals(new WorkUnit("j", "u000007", "checksum", 109, 110, 4, 7, 0, "", ""),
        units.get(7));
  }

  @Test
  void splittingIsDeterministic() {
    JobSpec s = spec("j", 0, 33, 5, 4, 2);
    assertEquals(WorkSplitter.split(s), WorkSplitter.split(s));
  }

  @Test
  void badSpecsAreRejectedWithTheirJob() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> spec("j", 0, 0, 5, 1, 1));
    assertTrue(e.getMessage().contains("job j") && e.getMessage().contains("seed count"));
    assertThrows(InvalidInputException.class, () -> spec("bad id!", 0, 1, 1, 1, 1));
    assertThrows(InvalidInputException.class, () -> spec("j", Long.MAX_VALUE - 1, 5, 1, 1, 1));
    assertThrows(InvalidInputException.class,
        () -> spec("j", 0, 1_000_000_000, 1_000, 1, 1).unitCount());
  }

  @Test
  void checksumExecutorIsDeterministicPerCell() {
    ChecksumExecutor ex = new ChecksumExecutor(20);
    WorkUnit u = WorkSplitter.split(spec("j", 5, 2, 2, 2, 2)).get(0);
    UnitResult a = ex.execute(u);
    UnitResult b = ex.execute(u.withAttempt(3));
    assertEquals(a, b);
    assertEquals(4 * 20, a.steps());
    long expected = 0;
    for (long seed = 5; seed < 7; seed++) {
      for (int q = 0; q < 2; q++) {
        expected = expected * 31 + ex.cell(seed, q);
      }
    }
    assertEquals(Long.toHexString(expected), a.digest());
    assertTrue(ex.cell(5, 0) != ex.cell(5, 1) && ex.cell(5, 0) != ex.cell(6, 0));
  }
}
