package io.icrl.learner.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.TestModels;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.model.ScalarsTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training loss's gradient must not depend on what the JVM's garbage collector does between
 * the forward and the backward pass. It did: scalar operands made by DJL's {@code mul(Number)}
 * live in Java direct buffers that are freed once collected while autograd still reads them
 * (see {@link io.icrl.learner.model.Scalars}). This test collects garbage and overwrites freed
 * native blocks with NaN between forward and backward, and asks for the same gradient as without.
 */
class GradientUnderGcTest {
  private static final LearnerSettings SETTINGS = TestModels.tiny();

  private static List<float[]> gradients(boolean scribble) throws InterruptedException {
    BatchSampler sampler = new BatchSampler(TestModels.data(4, 100, 3), SETTINGS.model(),
        SETTINGS.loss(), 2, 32, 1, true);
    Batch batch = sampler.newBatch();
    sampler.fill(0, batch);
    List<float[]> out = new ArrayList<>();
    try (LearnerModel model = TestModels.model(SETTINGS.model(), 7);
        NDManager m = model.manager().newSubManager()) {
      for (Parameter p : model.parameters()) {
        p.getArray().setRequiresGradient(true);
      }
      try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDArray loss = Losses.compute(model, batch, SETTINGS.loss(), m, true).total();
        List<ByteBuffer> keep = scribble ? ScalarsTest.collectAndScribble() : List.of();
        gc.backward(loss);
        assertTrue(keep.size() >= 0);
      }
      for (Parameter p : model.parameters()) {
        out.add(p.getArray().getGradient().toFloatArray());
      }
    }
    return out;
  }

  @Test
  void collectingGarbageBetweenForwardAndBackwardChangesNoGradient()
      throws InterruptedException {
    List<float[]> clean = gradients(false);
    for (int round = 0; round < 3; round++) {
      List<float[]> churned = gradients(true);
      for (int i = 0; i < clean.size(); i++) {
        assertArrayEquals(clean.get(i), churned.get(i), 1e-6f, "round " + round + ", parameter "
            + i);
      }
    }
  }
}
