package io.icrl.learner.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.icrl.learner.TestModels;
import io.icrl.learner.model.LearnerModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamWTest {
  private static List<float[]> values(LearnerModel model) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      out.add(p.getArray().toFloatArray());
    }
    return out;
  }

  /** Back-propagates {@code value * sum(all parameters)}: every gradient entry becomes value. */
  private static void setGradients(LearnerModel model, float value, NDManager m) {
    try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
      NDArray loss = null;
      for (Parameter p : model.parameters()) {
        NDArray s = p.getArray().sum().mul(value);
        loss = loss == null ? s : loss.add(s);
      }
      gc.backward(loss);
    }
  }

  @Test
  void describesWhereAGradientIsNonFinite() {
    assertEquals(null, AdamW.describeNonFinite("w", new float[] {1f, 2f}));
    assertEquals("w (2 of 2)", AdamW.describeNonFinite("w", new float[] {Float.NaN,
        Float.POSITIVE_INFINITY}));
    float[] qkvBias = new float[192];
    for (int j = 64; j < 128; j++) {
      qkvBias[j] = Float.NaN; // the k third of a fused qkv bias
    }
    assertEquals("qkv_bias (64 of 192, entries 64..127)",
        AdamW.describeNonFinite("qkv_bias", qkvBias));
  }

  /** A NaN gradient is dropped: no parameter, moment or step count changes, and it is cleared. */
  @Test
  void nonFiniteGradientSkipsTheUpdateAndIsCleared() {
    try (LearnerModel model = TestModels.model(TestModels.tinyConfig(), 3)) {
      for (Parameter p : model.parameters()) {
        p.getArray().setRequiresGradient(true);
      }
      try (AdamW opt = new AdamW(model.parameters(), model.parameterNames(), model.manager(), 0.9,
          0.99, 1e-8, 0.01); NDManager scratch = model.manager().newSubManager()) {
        List<float[]> before = values(model);
        setGradients(model, Float.NaN, scratch);
        double norm = opt.step(1e-3, 1.0, scratch);
        assertFalse(Double.isFinite(norm));
        assertEquals(0, opt.steps());
        assertEquals(model.parameters().size(), opt.lastNonFiniteGradients().size());
        assertTrue(opt.lastNonFiniteGradients().get(0).startsWith(model.parameterNames().get(0)),
            opt.lastNonFiniteGradients().get(0));
        List<float[]> after = values(model);
        for (int i = 0; i < before.size(); i++) {
          assertArrayEquals(before.get(i), after.get(i), 0f, model.parameterNames().get(i));
        }
        for (Parameter p : model.parameters()) {
          for (float g : p.getArray().getGradient().toFloatArray()) {
            assertEquals(0f, g);
          }
        }
        // a finite gradient afterwards updates normally
        setGradients(model, 0.5f, scratch);
        assertTrue(Double.isFinite(opt.step(1e-3, 1.0, scratch)));
        assertEquals(1, opt.steps());
        assertTrue(opt.lastNonFiniteGradients().isEmpty());
        assertFalse(java.util.Arrays.equals(before.get(0), values(model).get(0)));
      }
    }
  }

  /**
   * Saved and restored state is the whole state: after a round trip through {@link AdamW#save} and
   * {@link AdamW#load}, a second optimizer on a copy of the parameters makes bit-identical
   * updates (elementwise arithmetic only, so no reduction order can differ).
   */
  @Test
  void aRestoredOptimizerContinuesBitForBit() throws Exception {
    try (LearnerModel a = TestModels.model(TestModels.tinyConfig(), 5);
        LearnerModel b = TestModels.model(TestModels.tinyConfig(), 5)) {
      for (LearnerModel model : List.of(a, b)) {
        for (Parameter p : model.parameters()) {
          p.getArray().setRequiresGradient(true);
        }
      }
      try (AdamW first = new AdamW(a.parameters(), a.parameterNames(), a.manager(), 0.9, 0.99,
          1e-8, 0.01);
          AdamW second = new AdamW(b.parameters(), b.parameterNames(), b.manager(), 0.9, 0.99,
              1e-8, 0.01);
          NDManager scratch = a.manager().newSubManager();
          NDManager scratchB = b.manager().newSubManager()) {
        for (float g : new float[] {0.5f, -0.25f, 0.125f}) {
          setGradients(a, g, scratch);
          first.step(1e-2, 0, scratch);
        }
        // b takes a's parameters and optimizer state, as a resume does from a checkpoint
        for (int i = 0; i < a.parameters().size(); i++) {
          b.parameters().get(i).getArray().set(a.parameters().get(i).getArray().toFloatArray());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.save(new DataOutputStream(bytes));
        second.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "test");
        assertEquals(3, second.steps());
        for (float g : new float[] {0.3f, -0.7f}) {
          setGradients(a, g, scratch);
          first.step(1e-2, 0, scratch);
          setGradients(b, g, scratchB);
          second.step(1e-2, 0, scratchB);
        }
        List<float[]> va = values(a);
        List<float[]> vb = values(b);
        for (int i = 0; i < va.size(); i++) {
          assertArrayEquals(va.get(i), vb.get(i), 0f, a.parameterNames().get(i));
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        second.save(new DataOutputStream(again));
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        first.save(new DataOutputStream(reference));
        assertArrayEquals(reference.toByteArray(), again.toByteArray());
      }
    }
  }
}
