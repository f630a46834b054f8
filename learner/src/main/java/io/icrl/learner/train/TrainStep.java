package io.icrl.learner.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.icrl.learner.model.LearnerModel;

/**
 * One optimization step: forward, losses, backward, clip, AdamW update. Every temporary NDArray
 * lives in a per-step manager that is closed at the end.
 */
public final class TrainStep implements AutoCloseable {
  private final LearnerModel model;
  private final AdamW optimizer;
  private final LossWeights weights;
  private final double gradClip;

  public TrainStep(LearnerModel model, TrainSettings train, LossWeights weights) {
    this.model = model;
    this.weights = weights;
    this.gradClip = train.gradClip();
    for (Parameter p : model.parameters()) {
      p.getArray().setRequiresGradient(true);
    }
    this.optimizer = new AdamW(model.parameters(), model.parameterNames(), model.manager(),
        train.beta1(), train.beta2(), train.eps(), train.weightDecay());
  }

  public AdamW optimizer() {
    return optimizer;
  }

  /**
   * Losses and diagnostics of one step (before the update). {@code skipped}: the loss or the
   * gradient was not finite, so the parameters and optimizer moments were left as they were.
   */
  public record Result(double loss, double policy, double nextState, double reward,
      double accuracy, double gradNorm, boolean skipped) {}

  public Result run(Batch batch, double lr) {
    // PyTorch's grad mode is per thread and on by default (DJL switches it off only on the thread
    // that loads the engine), and the collector restores the mode it found: switch it off here so
    // the in-place parameter update works on any thread (e.g. a cluster worker's).
    JniUtils.setGradMode(false);
    try (NDManager m = model.manager().newSubManager()) {
      Losses.Parts parts;
      try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
        parts = Losses.compute(model, batch, weights, m, true);
        gc.backward(parts.total());
      }
      double accuracy = Losses.accuracy(parts.policyLogits(), batch);
      double loss = parts.total().getFloat();
      double policy = parts.policy().getFloat();
      double next = parts.nextState().getFloat();
      double reward = parts.reward().getFloat();
      if (!Double.isFinite(loss)) {
        optimizer.zeroGradients(m);
        return new Result(loss, policy, next, reward, accuracy, Double.NaN, true);
      }
      double norm = optimizer.step(lr, gradClip, m);
      return new Result(loss, policy, next, reward, accuracy, norm, !Double.isFinite(norm));
    }
  }

  @Override
  public void close() {
    optimizer.close();
  }
}
