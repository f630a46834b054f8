package io.icrl.learner.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.icrl.learner.model.LearnerModel;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * One optimization step: forward, losses, backward, clip, AdamW update. Every temporary NDArray
 * lives in a per-step manager that is closed at the end.
 */
public final class TrainStep implements AutoCloseable {
  private final LearnerModel model;
  private final AdamW optimizer;
  private final LossWeights weights;
  private final double gradClip;
  private final double suspectGradNorm;
  /** Test seam: runs after each backward pass with (attempt, optimizer); null in production. */
  private ObjIntConsumer<AdamW> afterBackward;

  public TrainStep(LearnerModel model, TrainSettings train, LossWeights weights) {
    this.model = model;
    this.weights = weights;
    this.gradClip = train.gradClip();
    this.suspectGradNorm = train.suspectGradNorm();
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
   * gradient was not finite (or its norm stayed above {@code suspect-grad-norm}), so the
   * parameters and optimizer moments were left as they were. {@code recomputed}: the first
   * gradient was bad and was computed again; then {@code firstGradNorm} is its norm and {@code
   * firstNonFinite} names the parameters whose first gradient held Inf or NaN.
   */
  public record Result(double loss, double policy, double nextState, double reward,
      double accuracy, double gradNorm, boolean skipped, boolean recomputed,
      double firstGradNorm, List<String> firstNonFinite) {}

  /**
   * Forward, backward and update on {@code batch}. A non-finite or suspect gradient norm is
   * computed once more on the same batch (the model and batch are unchanged, so a sound gradient
   * comes out the same); only if the second is bad too is the step skipped.
   */
  public Result run(Batch batch, double lr) {
    Result first = attempt(batch, lr, 0);
    if (!first.skipped() || !Double.isFinite(first.loss())) {
      return first;
    }
    List<String> firstNonFinite = optimizer.lastNonFiniteGradients();
    Result second = attempt(batch, lr, 1);
    return new Result(second.loss(), second.policy(), second.nextState(), second.reward(),
        second.accuracy(), second.gradNorm(), second.skipped(), true, first.gradNorm(),
        firstNonFinite);
  }

  private Result attempt(Batch batch, double lr, int attempt) {
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
      if (afterBackward != null) {
        afterBackward.accept(optimizer, attempt);
      }
      double accuracy = Losses.accuracy(parts.policyLogits(), batch);
      double loss = parts.total().getFloat();
      double policy = parts.policy().getFloat();
      double next = parts.nextState().getFloat();
      double reward = parts.reward().getFloat();
      if (!Double.isFinite(loss)) {
        optimizer.zeroGradients(m);
        return new Result(loss, policy, next, reward, accuracy, Double.NaN, true, false, Double.NaN,
            List.of());
      }
      double norm = optimizer.step(lr, gradClip, suspectGradNorm, m);
      boolean bad = !Double.isFinite(norm) || norm > suspectGradNorm;
      return new Result(loss, policy, next, reward, accuracy, norm, bad, false, Double.NaN,
          List.of());
    }
  }

  /** Test seam: {@code hook} runs after every backward pass with the optimizer and the attempt. */
  void afterBackward(ObjIntConsumer<AdamW> hook) {
    this.afterBackward = hook;
  }

  @Override
  public void close() {
    optimizer.close();
  }
}
