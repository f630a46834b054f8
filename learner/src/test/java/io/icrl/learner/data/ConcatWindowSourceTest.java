package io.icrl.learner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.TrainingTasks;
import io.icrl.synth.format.WindowSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConcatWindowSourceTest {
  static WindowSource synthetic(int sequences, int steps, int states, long seed) {
    return Datasets.open("synthetic:sequences=" + sequences + ",steps=" + steps + ",states="
        + states + ",actions=3,seed=" + seed);
  }

  @Test
  void sequencesOfTheSecondSourceFollowThoseOfTheFirst() {
    WindowSource a = synthetic(3, 50, 5, 1);
    WindowSource b = synthetic(2, 80, 7, 2);
    try (WindowSource c = Datasets.open(List.of(
        "synthetic:sequences=3,steps=50,states=5,actions=3,seed=1",
        "synthetic:sequences=2,steps=80,states=7,actions=3,seed=2"))) {
      assertTrue(c instanceof ConcatWindowSource);
      assertEquals(5, c.sequenceCount());
      assertEquals(50, c.sequenceLength(2));
      assertEquals(80, c.sequenceLength(3));
      assertEquals(7, c.maxStates());
      assertEquals(a.datasetId() + "+" + b.datasetId(), c.datasetId());

      StepWindow got = new StepWindow(20);
      StepWindow want = new StepWindow(20);
      c.read(4, 30, 20, got);
      b.read(1, 30, 20, want);
      assertEquals(4, got.sequence);
      assertEquals(30, got.start);
      assertEquals(want.length, got.length);
      assertArrayEquals(Arrays.copyOf(want.state, 20), Arrays.copyOf(got.state, 20));
      assertArrayEquals(Arrays.copyOf(want.action, 20), Arrays.copyOf(got.action, 20));
      c.read(1, 0, 20, got);
      a.read(1, 0, 20, want);
      assertArrayEquals(Arrays.copyOf(want.state, 20), Arrays.copyOf(got.state, 20));
      assertThrows(IndexOutOfBoundsException.class, () -> c.read(5, 0, 1, new StepWindow(1)));
    }
  }

  @Test
  void datasetsOfDifferentTasksAreRefusedByName() {
    WindowSource a = withTasks(synthetic(1, 20, 4, 1), new TrainingTasks("anymdp", 16, 5, "", 0,
        1000));
    WindowSource b = withTasks(synthetic(1, 20, 4, 2), new TrainingTasks("anymdp", 16, 5, "",
        5000, 1000));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ConcatWindowSource.of(List.of(a, b)));
    assertTrue(e.getMessage().contains("seeds [0, 1000) vs anymdp:states=16,actions=5 seeds"
        + " [5000, 6000)"), e.getMessage());
    WindowSource same = withTasks(synthetic(1, 20, 4, 3), new TrainingTasks("anymdp", 16, 5, "",
        0, 1000));
    assertEquals(a.trainingTasks(), ConcatWindowSource.of(List.of(a, same)).trainingTasks());
  }

  @Test
  void aFailedOpenNamesTheMissingDataset() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Datasets.open(
        List.of("synthetic:sequences=1,steps=10", "/no/such/dataset")));
    assertTrue(e.getMessage().contains("/no/such/dataset"), e.getMessage());
  }

  /** {@code s} claiming to have run on {@code tasks}. */
  static WindowSource withTasks(WindowSource s, TrainingTasks tasks) {
    return new WindowSource() {
      @Override
      public String datasetId() {
        return s.datasetId();
      }

      @Override
      public int sequenceCount() {
        return s.sequenceCount();
      }

      @Override
      public long sequenceLength(int seq) {
        return s.sequenceLength(seq);
      }

      @Override
      public int maxStates() {
        return s.maxStates();
      }

      @Override
      public int maxActions() {
        return s.maxActions();
      }

      @Override
      public void read(int seq, long start, int length, StepWindow out) {
        s.read(seq, start, length, out);
      }

      @Override
      public Optional<TrainingTasks> trainingTasks() {
        return Optional.of(tasks);
      }
    };
  }
}
