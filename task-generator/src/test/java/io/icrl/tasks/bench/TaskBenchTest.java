package io.icrl.tasks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs and reports every row (its numbers are not judged here). */
class TaskBenchTest {
  @Test
  void reportsEveryMeasurement() {
    List<TaskBench.Row> rows = TaskBench.run(0.001);
    assertEquals(3 + 3 * 3 + 2, rows.size());
    for (TaskBench.Row r : rows) {
      assertTrue(r.value() > 0 && Double.isFinite(r.value()), r.toString());
      assertTrue(!r.unit().isBlank());
    }
  }
}
