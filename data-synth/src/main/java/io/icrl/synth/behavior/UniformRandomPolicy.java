package io.icrl.synth.behavior;

import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/** Uniformly random actions, tagged {@code rnd}. */
public final class UniformRandomPolicy implements BehaviorPolicy {
  private static final byte RND = Tag.RND.code();
  private final int actions;
  private final SplittableRandom rng;

  public UniformRandomPolicy(int actions, SplittableRandom rng) {
    this.actions = actions;
    this.rng = rng;
  }

  @Override
  public int act(int state) {
    return rng.nextInt(actions);
  }

  @Override
  public byte tag() {
    return RND;
  }

  @Override
  public void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated) {}
}
