package io.icrl.learner.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.TestModels;
import io.icrl.learner.model.LearnerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * A step whose gradient comes out non-finite or absurdly large is computed again on the same
 * batch: a one-off bad gradient costs nothing, a recurring one skips the step.
 */
class TrainStepTest {
  private static final LearnerSettings SETTINGS = TestModels.tiny();

  private static List<float[]> values(LearnerModel model) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      out.add(p.getArray().toFloatArray());
    }
    return out;
  }

  /** One step on batch 0 from a fresh model; {@code faulty} attempts get {@code value} written
   * into every gradient entry of the first parameter after backward. */
  private static Result stepWithFault(IntPredicate faulty, float value) {
    BatchSampler sampler = new BatchSampler(TestModels.data(4, 100, 3), SETTINGS.model(),
        SETTINGS.loss(), 2, 32, 1, true);
    Batch batch = sampler.newBatch();
    sampler.fill(0, batch);
    try (LearnerModel model = TestModels.model(SETTINGS.model(), 7);
        TrainStep step = new TrainStep(model, SETTINGS.train(), SETTINGS.loss())) {
      List<float[]> before = values(model);
      step.afterBackward((opt, attempt) -> {
        if (faulty.test(attempt)) {
          model.parameters().get(0).getArray().getGradient().set(new NDIndex("..."), value);
        }
      });
      TrainStep.Result r = step.run(batch, 1e-3);
      return new Result(r, before, values(model), step.optimizer().steps());
    }
  }

  private record Result(TrainStep.Result step, List<float[]> before, List<float[]> after,
      long updates) {}

  @Test
  void aOneOffBadGradientIsRecomputedAndTheStepTaken() {
    Result clean = stepWithFault(a -> false, 0f);
    assertFalse(clean.step().recomputed());
    assertFalse(clean.step().skipped());
    for (float bad : new float[] {Float.NaN, 1e12f}) {
      Result once = stepWithFault(a -> a == 0, bad);
      assertTrue(once.step().recomputed(), "first norm " + once.step().firstGradNorm());
      assertFalse(once.step().skipped());
      assertEquals(1, once.updates());
      assertEquals(clean.step().gradNorm(), once.step().gradNorm(), 1e-4);
      for (int i = 0; i < clean.after().size(); i++) {
        assertArrayEquals(clean.after().get(i), once.after().get(i), 1e-6f, "parameter " + i);
      }
    }
    Result nan = stepWithFault(a -> a == 0, Float.NaN);
    assertFalse(Double.isFinite(nan.step().firstGradNorm()));
    assertEquals(1, nan.step().firstNonFinite().size(), nan.step().firstNonFinite().toString());
  }

  @Test
  void aRecurringBadGradientSkipsTheStep() {
    for (float bad : new float[] {Float.NaN, 1e12f}) {
      Result always = stepWithFault(a -> true, bad);
      assertTrue(always.step().recomputed());
      assertTrue(always.step().skipped());
      assertEquals(0, always.updates());
      for (int i = 0; i < always.before().size(); i++) {
        assertArrayEquals(always.before().get(i), always.after().get(i), 0f, "parameter " + i);
      }
    }
  }
}
