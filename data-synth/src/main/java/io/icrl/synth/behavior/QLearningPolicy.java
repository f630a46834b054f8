package io.icrl.synth.behavior;

import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/**
 * Acts with a (shared) {@link QLearner}: greedy actions tagged {@code exp2}, or with probability
 * {@code noise} a uniformly random action tagged {@code rnd}. Noise decreases by {@code decay} on
 * every transition. The learner itself is updated by the sequence, not by this wrapper.
 */
public final class QLearningPolicy implements BehaviorPolicy {
  private static final byte RND = Tag.RND.code();
  private static final byte EXP2 = Tag.EXP2.code();
  private final QLearner learner;
  private final int actions;
  private final double decay;
  private final SplittableRandom rng;
  private double noise;
  private byte tag;

  public QLearningPolicy(QLearner learner, int actions, double noise, double decay,
      SplittableRandom rng) {
    this.learner = learner;
    this.actions = actions;
    this.noise = noise;
    this.decay = decay;
    this.rng = rng;
  }

  @Override
  public int act(int state) {
    if (noise > 0 && rng.nextDouble() < noise) {
      tag = RND;
      return rng.nextInt(actions);
    }
    tag = EXP2;
    return learner.greedy(state);
  }

  @Override
  public byte tag() {
    return tag;
  }

  @Override
  public void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated) {
    noise -= decay;
  }
}
