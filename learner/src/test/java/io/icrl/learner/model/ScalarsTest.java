package io.icrl.learner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Scalars#like} operands stay valid for backward whatever the garbage collector does in
 * between. (The same probe with DJL's {@code x.mul(0.5f)} gave a wrong gradient, NaN or
 * -1.1e34, in 10 of 10 tries on the development machine; docs/learner.md.)
 */
public class ScalarsTest {
  /** Frees unreachable direct buffers, then refills small native blocks with NaN. */
  public static List<ByteBuffer> collectAndScribble() throws InterruptedException {
    List<ByteBuffer> keep = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      System.gc();
      Thread.sleep(50);
      for (int i = 0; i < 2000; i++) {
        ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
        b.putFloat(0, Float.NaN);
        keep.add(b);
      }
    }
    return keep;
  }

  static float gradientOf(boolean viaNumber) throws InterruptedException {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray x = m.ones(new Shape(3));
      x.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDArray loss;
        try (NDManager scope = m.newSubManager()) {
          NDArray y = viaNumber ? x.mul(0.5f) : x.mul(Scalars.like(x, 0.5f));
          loss = y.sum();
          loss.attach(m);
        }
        List<ByteBuffer> keep = collectAndScribble();
        gc.backward(loss);
        keep.clear();
      }
      return x.getGradient().toFloatArray()[0];
    }
  }

  @Test
  void aScalarOperandSurvivesGarbageCollectionBeforeBackward() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      assertEquals(0.5f, gradientOf(false), 0f);
    }
  }
}
