package io.icrl.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPartsTest {
  @Test
  void intervalUsesStudentT() {
    Interval i = Interval.of(new double[] {1, 2, 3});
    assertEquals(2.0, i.mean(), 1e-12);
    // sd = 1, se = 1/sqrt(3), t(2) = 4.303
    assertEquals(2 - 4.303 / Math.sqrt(3), i.low(), 1e-9);
    assertEquals(2 + 4.303 / Math.sqrt(3), i.high(), 1e-9);
    Interval one = Interval.of(new double[] {0.4});
    assertEquals(0.4, one.low(), 0);
    assertEquals(0.4, one.high(), 0);
    assertTrue(Double.isNaN(Interval.of(new double[0]).mean()));
    assertEquals(2.000, Interval.t975(60), 0.003);
    assertEquals(1.980, Interval.t975(120), 0.003);
  }

  @Test
  void csvQuotesTaskIds() {
    String id = "anymdp:states=16,actions=5,seed=3";
    assertEquals("\"" + id + "\"", Csv.quote(id));
    assertEquals("Taxi-v4", Csv.quote("Taxi-v4"));
    assertEquals(List.of(id, "online", "a\"b", ""),
        Csv.parseLine(Csv.quote(id) + ",online," + Csv.quote("a\"b") + ","));
  }
}
