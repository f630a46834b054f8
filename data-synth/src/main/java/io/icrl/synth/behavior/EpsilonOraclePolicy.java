package io.icrl.synth.behavior;

import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/**
 * The reference policy opt_k with epsilon noise: with probability {@link #noise} a uniformly random
 * action (tagged {@code rnd}), otherwise opt_k's action (tagged {@code optK}). Subclasses decide how
 * the noise evolves.
 */
abstract class EpsilonOraclePolicy implements BehaviorPolicy {
  private static final byte RND = Tag.RND.code();
  private final int[] oracle;
  private final byte oracleTag;
  private final int actions;
  private final SplittableRandom rng;
  /** Probability of a random action; at most 1, and 0 or below means none. */
  protected double noise = 1.0;
  private byte tag;

  EpsilonOraclePolicy(ReferencePolicies refs, int k, int actions, SplittableRandom rng) {
    this.oracle = refs.policy(k);
    this.oracleTag = (byte) (Tag.OPT0.code() + k);
    this.actions = actions;
    this.rng = rng;
  }

  @Override
  public final int act(int state) {
    if (noise > 0 && rng.nextDouble() < noise) {
      tag = RND;
      return rng.nextInt(actions);
    }
    tag = oracleTag;
    return oracle[state];
  }

  @Override
  public final byte tag() {
    return tag;
  }

  /** The current noise level (may go below 0, meaning none). */
  public final double noise() {
    return noise;
  }
}
