package io.icrl.learner.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.icrl.learner.model.CausalTransformer;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.model.Scalars;

/**
 * The training objective on one {@link Batch}: weighted policy cross-entropy against the label
 * actions (unused action symbols masked), next-state cross-entropy and reward MSE from the
 * world-model head conditioned on the action taken. Each term is a weighted mean over its valid
 * positions. Logits are flattened to (B*T, V) for the losses.
 */
public final class Losses {
  private Losses() {}

  /** Scalar loss terms (NDArrays in the batch's manager) and the masked policy logits. */
  public record Parts(NDArray total, NDArray policy, NDArray nextState, NDArray reward,
      NDArray policyLogits) {}

  public static Parts compute(LearnerModel model, Batch batch, LossWeights w, NDManager m,
      boolean training) {
    CausalTransformer net = model.block();
    int b = batch.rows();
    int t = batch.steps();
    int n = b * t;
    int av = model.config().actionVocab();
    int sv = model.config().stateVocab();
    NDList tokens = batch.tokens.toNDList(m);
    NDArray h = net.trunk(model.store(), tokens, training); // (B, T, D)

    NDArray mask = m.create(batch.actionMask, new Shape(b, 1, av));
    NDArray logits = net.policyLogits(model.store(), h, training).add(mask); // (B, T, Av)
    NDArray flatLogits = logits.reshape(n, av);
    NDArray policyNll = nll(flatLogits, batch.label, m); // (B*T)
    NDArray policy = weightedMean(policyNll, batch.policyWeight, m);

    NDArray taken = m.create(batch.taken, new Shape(b, t));
    NDArray world = net.worldModel(model.store(), h, taken, training).reshape(n, sv + 1);
    NDArray stateNll = nll(world.get(new NDIndex(":, 0:{}", sv)), batch.nextState, m);
    NDArray nextState = weightedMean(stateNll, batch.worldWeight, m);
    NDArray rewardPred = world.get(new NDIndex(":, {}", sv)); // (B*T)
    NDArray rewardErr = rewardPred.sub(m.create(batch.reward)).square();
    NDArray reward = weightedMean(rewardErr, batch.worldWeight, m);

    // scalar operands through Scalars, never NDArray.mul(Number): see Scalars
    NDArray total = policy.mul(Scalars.like(policy, (float) w.policy()))
        .add(nextState.mul(Scalars.like(nextState, (float) w.nextState())))
        .add(reward.mul(Scalars.like(reward, (float) w.reward())));
    return new Parts(total, policy, nextState, reward, logits);
  }

  /** Negative log-likelihood of integer targets under flat logits (N, V) -> (N). */
  private static NDArray nll(NDArray logits, int[] targets, NDManager m) {
    long[] idx = new long[targets.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = targets[i];
    }
    NDArray index = m.create(idx, new Shape(idx.length, 1));
    return logits.logSoftmax(-1).gather(index, 1).reshape(idx.length).neg();
  }

  private static NDArray weightedMean(NDArray values, float[] weights, NDManager m) {
    double sum = 0;
    for (float x : weights) {
      sum += x;
    }
    NDArray wa = m.create(weights);
    NDArray total = values.mul(wa).sum();
    return total.div(Scalars.like(total, (float) Math.max(sum, 1e-8)));
  }

  /**
   * Label accuracy of the masked policy logits (B, T, Av): the share of positions with a label
   * (policy weight > 0) whose argmax is the label.
   */
  public static double accuracy(NDArray logits, Batch batch) {
    long[] argmax = logits.argMax(-1).toLongArray();
    long hit = 0;
    long total = 0;
    for (int i = 0; i < argmax.length; i++) {
      if (batch.policyWeight[i] > 0) {
        total++;
        if (argmax[i] == batch.label[i]) {
          hit++;
        }
      }
    }
    return total == 0 ? Double.NaN : hit / (double) total;
  }
}
