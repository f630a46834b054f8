package io.icrl.synth.behavior;

import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/**
 * Vintix-style noise distillation: the demonstrator opt_k acts with epsilon noise that is constant
 * within an episode and decays linearly across episodes, from 1 at the first row of the sequence to
 * 0 at row {@code zeroRow}. Random actions are tagged {@code rnd}, the demonstrator's {@code optK}.
 */
public final class NoiseDistillationPolicy implements BehaviorPolicy {
  private static final byte RND = Tag.RND.code();
  private final int[] oracle;
  private final byte oracleTag;
  private final int actions;
  private final double zeroRow;
  private final SplittableRandom rng;
  private double noise = 1.0;
  private byte tag;

  public NoiseDistillationPolicy(ReferencePolicies refs, int k, int actions, double zeroRow,
      SplittableRandom rng) {
    this.oracle = refs.policy(k);
    this.oracleTag = (byte) (Tag.OPT0.code() + k);
    this.actions = actions;
    this.zeroRow = zeroRow;
    this.rng = rng;
  }

  @Override
  public void episodeStart(int episode, long row) {
    noise = Math.max(0.0, 1.0 - row / zeroRow);
  }

  @Override
  public int act(int state) {
    if (noise > 0 && rng.nextDouble() < noise) {
      tag = RND;
      return rng.nextInt(actions);
    }
    tag = oracleTag;
    return oracle[state];
  }

  @Override
  public byte tag() {
    return tag;
  }

  @Override
  public void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated) {}

  /** The noise of the current episode. */
  public double noise() {
    return noise;
  }
}
