package io.icrl.synth.behavior;

import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/**
 * The reference policy opt_k with epsilon noise: with probability {@code noise} a uniformly random
 * action (tagged {@code rnd}), otherwise opt_k's action (tagged {@code optK}). Noise starts at 1 and
 * decreases by a fixed, randomly drawn amount on every transition, so the policy converges to
 * opt_k.
 */
public final class NoisyOraclePolicy implements BehaviorPolicy {
  private static final byte RND = Tag.RND.code();
  private final int[] oracle;
  private final byte oracleTag;
  private final int actions;
  private final double decay;
  private final SplittableRandom rng;
  private double noise = 1.0;
  private byte tag;

  public NoisyOraclePolicy(ReferencePolicies refs, int k, int actions, double decay,
      SplittableRandom rng) {
    this.oracle = refs.policy(k);
    this.oracleTag = (byte) (Tag.OPT0.code() + k);
    this.actions = actions;
    this.decay = decay;
    this.rng = rng;
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
      boolean truncated) {
    noise -= decay;
  }

  /** The current noise level (may go below 0, meaning none). */
  public double noise() {
    return noise;
  }
}
