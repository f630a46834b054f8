package io.icrl.learner.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.TestModels;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.learner.checkpoint.CheckpointState;
import io.icrl.learner.checkpoint.DataPhase;
import io.icrl.learner.data.ConcatWindowSource;
import io.icrl.learner.data.InMemoryWindowSource;
import io.icrl.synth.format.WindowSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
  @TempDir Path tmp;

  static class Recorder implements LearnerMetrics {
    final List<StepMetrics> steps = new ArrayList<>();

    @Override
    public void onStep(StepMetrics m) {
      steps.add(m);
    }

    double[] losses() {
      return steps.stream().mapToDouble(StepMetrics::loss).toArray();
    }
  }

  /**
   * Two runs from the same initial weights on the same data: the first step's loss (one forward
   * pass) agrees to 1e-6; later ones to 0.02, since two runs are not bit-identical on every CPU
   * (see {@link #resumedRunContinuesTheUninterruptedRun}).
   */
  static void assertSameRun(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    assertEquals(expected[0], actual[0], 1e-6 * Math.abs(expected[0]), what + ": step 1");
    for (int i = 1; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 0.02, what + ": step " + (i + 1));
    }
  }

  static Trainer.Summary train(LearnerSettings s, InMemoryWindowSource data, Path run, long steps,
      boolean resume, LearnerMetrics listener) throws Exception {
    return new Trainer(s, Map.of(), data, run, listener).run(steps, resume);
  }

  /**
   * Without symbol permutations the task's state and action IDs carry meaning, so a few dozen
   * steps suffice to learn the state and label distributions (with permutations, progress needs
   * in-context learning and thousands of steps).
   */
  @Test
  void lossFallsOnASmallSyntheticDataset() throws Exception {
    LearnerSettings s = TestModels.tiny("icrl.learner.train.steps=60",
        "icrl.learner.train.permute=false",
        "icrl.learner.train.batch=8", "icrl.learner.train.checkpoint-every=1000");
    InMemoryWindowSource data = TestModels.data(16, 400, 1);
    Recorder rec = new Recorder();
    train(s, data, tmp.resolve("run"), 60, false, rec);
    double[] l = rec.losses();
    double first = (l[0] + l[1] + l[2] + l[3] + l[4]) / 5;
    double last = (l[55] + l[56] + l[57] + l[58] + l[59]) / 5;
    assertTrue(last < 0.6 * first, "loss " + first + " -> " + last);
    StepMetrics end = rec.steps.get(59);
    assertTrue(end.nextStateLoss() < rec.steps.get(0).nextStateLoss());
    assertTrue(end.policyLoss() < rec.steps.get(0).policyLoss());
    assertTrue(end.gradNorm() > 0 && end.learningRate() > 0 && end.tokensPerSecond() > 0);
    assertTrue(Files.readAllLines(tmp.resolve("run").resolve(MetricsLog.FILE)).size() >= 6);
    assertTrue(Files.isRegularFile(tmp.resolve("run/checkpoint/state.json")));
    assertTrue(Files.isRegularFile(tmp.resolve("run/manifest.json")));
  }

  /**
   * PyTorch's grad mode is per thread: training must work on threads other than the one that
   * loaded the engine (cluster workers train on a pool thread), with the same losses.
   */
  @Test
  void trainingGivesTheSameLossesOnAnyThread() throws Exception {
    LearnerSettings s = TestModels.tiny("icrl.learner.train.steps=3",
        "icrl.learner.train.checkpoint-every=1000");
    InMemoryWindowSource data = TestModels.data(4, 100, 3);
    Recorder here = new Recorder();
    train(s, data, tmp.resolve("here"), 3, false, here);
    for (String name : List.of("other-1", "other-2")) {
      Recorder there = new Recorder();
      Exception[] error = new Exception[1];
      Thread t = new Thread(() -> {
        try {
          train(s, data, tmp.resolve(name), 3, false, there);
        } catch (Exception e) {
          error[0] = e;
        }
      }, name);
      t.start();
      t.join();
      if (error[0] != null) {
        throw error[0];
      }
      assertSameRun(here.losses(), there.losses(), name);
    }
  }

  /**
   * A run resumed from its step-5 checkpoint continues the uninterrupted run. The checkpoint is
   * taken from that run itself, so both continue from bit-identical state: the first resumed step
   * (one forward pass on the same weights, batch and learning rate) gives the same loss. Later
   * steps are compared with a tolerance: CI once saw one run drift by 3e-3 after ten steps, about
   * one update's worth, most likely the corrupted scalar operands fixed in the ninth session (see
   * {@code GradientUnderGcTest}); PyTorch does not promise bit-identical CPU kernels either, and the
   * optimizer's bit-exact round trip is {@code AdamWTest}'s to check.
   */
  @Test
  void resumedRunContinuesTheUninterruptedRun() throws Exception {
    LearnerSettings s = TestModels.tiny("icrl.learner.train.steps=12",
        "icrl.learner.train.checkpoint-every=5");
    InMemoryWindowSource data = TestModels.data(8, 200, 2);
    Path resumed = tmp.resolve("b");
    Recorder whole = new Recorder() {
      @Override
      public void onCheckpoint(long step, Path dir) {
        if (step == 5) {
          try {
            Checkpoint.copy(dir, resumed.resolve(Checkpoint.DIR), Checkpoint.FILES);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    };
    train(s, data, tmp.resolve("a"), 12, false, whole);
    assertEquals(5, Checkpoint.readState(resumed.resolve(Checkpoint.DIR)).step());

    Recorder rest = new Recorder();
    train(s, data, resumed, 12, true, rest);

    double[] all = whole.losses();
    double[] after = rest.losses();
    assertEquals(7, after.length);
    assertEquals(6, rest.steps.get(0).step());
    assertEquals(all[5], after[0], 1e-6 * all[5], "first resumed step");
    for (int i = 0; i < after.length; i++) {
      assertEquals(all[5 + i], after[i], 0.02, "step " + (6 + i));
      assertEquals(whole.steps.get(5 + i).learningRate(), rest.steps.get(i).learningRate(), 0.0);
    }
    assertEquals(12, Checkpoint.readState(resumed.resolve(Checkpoint.DIR)).step());
  }

  @Test
  void resumeRefusesAnotherModelShapeAndAnExistingRunWithoutResume() throws Exception {
    LearnerSettings s = TestModels.tiny("icrl.learner.train.checkpoint-every=1000");
    InMemoryWindowSource data = TestModels.data(4, 100, 3);
    train(s, data, tmp.resolve("c"), 2, false, LearnerMetrics.NONE);
    InvalidInputException again = assertThrows(InvalidInputException.class,
        () -> train(s, data, tmp.resolve("c"), 4, false, LearnerMetrics.NONE));
    assertTrue(again.getMessage().contains("--resume"), again.getMessage());
    LearnerSettings wider = TestModels.tiny("icrl.learner.model.d-model=48");
    InvalidInputException shape = assertThrows(InvalidInputException.class,
        () -> train(wider, data, tmp.resolve("c"), 4, true, LearnerMetrics.NONE));
    assertTrue(shape.getMessage().contains("d-model 32 vs 48"), shape.getMessage());
    InvalidInputException none = assertThrows(InvalidInputException.class,
        () -> train(s, data, tmp.resolve("d"), 4, true, LearnerMetrics.NONE));
    assertTrue(none.getMessage().contains("no checkpoint"), none.getMessage());
    InMemoryWindowSource other = TestModels.data(4, 100, 4);
    InvalidInputException ds = assertThrows(InvalidInputException.class,
        () -> train(s, other, tmp.resolve("c"), 4, true, LearnerMetrics.NONE));
    assertTrue(ds.getMessage().contains("dataset"), ds.getMessage());
  }

  /**
   * A {@link DataRefresh} is asked before every step and may swap the source: the steps before the
   * swap are exactly those of a plain run, the run manifest records the refresh, and a swap to
   * another dataset id is refused.
   */
  @Test
  void dataRefreshSwapsTheSourceBetweenSteps() throws Exception {
    LearnerSettings s = TestModels.tiny("icrl.learner.train.steps=6",
        "icrl.learner.train.checkpoint-every=1000");
    InMemoryWindowSource a = TestModels.data(8, 200, 2);
    InMemoryWindowSource other = TestModels.data(8, 200, 5);
    List<InMemoryWindowSource.Sequence> seqs = new ArrayList<>();
    for (int i = 0; i < other.sequenceCount(); i++) {
      seqs.add(other.sequence(i));
    }
    InMemoryWindowSource b = new InMemoryWindowSource(a.datasetId(), seqs);
    Recorder plain = new Recorder();
    train(s, a, tmp.resolve("plain"), 6, false, plain);

    List<Long> asked = new ArrayList<>();
    DataRefresh swap = new DataRefresh() {
      @Override
      public io.icrl.synth.format.WindowSource before(long step,
          io.icrl.synth.format.WindowSource current) {
        asked.add(step);
        return step >= 4 ? b : current;
      }

      @Override
      public Map<String, Object> describe() {
        return Map.of("kind", "test-swap");
      }
    };
    Recorder swapped = new Recorder();
    new Trainer(s, Map.of(), a, tmp.resolve("swap"), swapped, swap).run(6, false);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), asked);
    assertSameRun(java.util.Arrays.copyOfRange(plain.losses(), 0, 3),
        java.util.Arrays.copyOfRange(swapped.losses(), 0, 3), "before the swap");
    assertTrue(plain.losses()[3] != swapped.losses()[3], "step 4 drew from the new source");
    assertTrue(Files.readString(tmp.resolve("swap/manifest.json")).contains("test-swap"));

    DataRefresh foreign = new DataRefresh() {
      @Override
      public io.icrl.synth.format.WindowSource before(long step,
          io.icrl.synth.format.WindowSource current) {
        return other;
      }

      @Override
      public Map<String, Object> describe() {
        return Map.of();
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Trainer(s,
        Map.of(), a, tmp.resolve("foreign"), LearnerMetrics.NONE, foreign).run(2, false));
    assertTrue(e.getMessage().contains("changed the dataset id"), e.getMessage());
  }

  /**
   * A resumed run may go on with its datasets plus more ({@code growData}): the steps before the
   * growth are those of a plain run, the checkpoint and run manifest record both data phases, and
   * data that is not the checkpoint's followed by more is refused, as is growth without the flag.
   */
  @Test
  void grownDataContinuesTheRunAndRecordsItsPhases() throws Exception {
    LearnerSettings s = TestModels.tiny("icrl.learner.train.steps=6",
        "icrl.learner.train.checkpoint-every=1000");
    InMemoryWindowSource a = TestModels.data(4, 100, 3);
    InMemoryWindowSource b = TestModels.data(4, 100, 4);
    WindowSource ab = ConcatWindowSource.of(List.of(a, b));
    Recorder plain = new Recorder();
    train(s, a, tmp.resolve("plain"), 6, false, plain);

    Path run = tmp.resolve("grown");
    Recorder first = new Recorder();
    train(s, a, run, 3, false, first);
    InvalidInputException noFlag = assertThrows(InvalidInputException.class,
        () -> new Trainer(s, Map.of(), ab, run, LearnerMetrics.NONE).run(6, true));
    assertTrue(noFlag.getMessage().contains("--grow-data"), noFlag.getMessage());
    WindowSource ba = ConcatWindowSource.of(List.of(b, a));
    InvalidInputException reordered = assertThrows(InvalidInputException.class,
        () -> new Trainer(s, Map.of(), ba, run, LearnerMetrics.NONE).run(6, true, true));
    assertTrue(reordered.getMessage().contains("same order"), reordered.getMessage());

    Recorder rest = new Recorder();
    new Trainer(s, Map.of(), ab, run, rest).run(6, true, true);
    assertSameRun(java.util.Arrays.copyOfRange(plain.losses(), 0, 3), first.losses(),
        "before the growth");
    assertEquals(3, rest.steps.size());
    assertEquals(plain.steps.get(3).learningRate(), rest.steps.get(0).learningRate(), 0.0,
        "the schedule goes on");
    CheckpointState state = Checkpoint.readState(run.resolve(Checkpoint.DIR));
    assertEquals(ab.datasetId(), state.datasetId());
    assertEquals(List.of(new DataPhase(0, a.datasetId()), new DataPhase(3, ab.datasetId())),
        state.dataPhases());
    assertTrue(Files.readString(run.resolve("manifest.json")).contains("data-phases"));
    // going on again with the same (grown) data is a plain resume and keeps the phases
    new Trainer(s, Map.of(), ab, run, LearnerMetrics.NONE).run(7, true);
    assertEquals(state.dataPhases(),
        Checkpoint.readState(run.resolve(Checkpoint.DIR)).dataPhases());
  }
}
