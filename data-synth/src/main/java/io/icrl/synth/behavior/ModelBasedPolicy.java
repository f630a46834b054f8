package io.icrl.synth.behavior;

import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/**
 * Acts with a (shared) {@link ModelLearner}, optionally guided by a reference policy (OmniRL's
 * "OTS + opt" behaviors). Each step: with probability {@code noise} a uniformly random action
 * ({@code rnd}); else, with probability {@code oracleShare}, the oracle's action ({@code optK});
 * else the learner's optimistic-sampling action ({@code exp1}). On every transition noise moves
 * down by {@code noiseDecay} to at most {@code noiseEnd} and the oracle share up by {@code
 * oracleRate} to at most {@code oracleEnd} (negative values mean "never").
 */
public final class ModelBasedPolicy implements BehaviorPolicy {
  private static final byte RND = Tag.RND.code();
  private static final byte EXP1 = Tag.EXP1.code();
  private final ModelLearner learner;
  private final int actions;
  private final int[] oracle;
  private final byte oracleTag;
  private final double noiseDecay;
  private final double noiseEnd;
  private final double oracleRate;
  private final double oracleEnd;
  private final SplittableRandom rng;
  private double noise;
  private double oracleShare;
  private byte tag;

  /** An unguided learner with decaying noise (to 0). */
  public ModelBasedPolicy(ModelLearner learner, int actions, double noise, double noiseDecay,
      SplittableRandom rng) {
    this(learner, actions, noise, noiseDecay, 0.0, null, -1, 0, 0, 0, rng);
  }

  /** A learner guided by opt_k ({@code refs == null}: unguided). */
  public ModelBasedPolicy(ModelLearner learner, int actions, double noise, double noiseDecay,
      double noiseEnd, ReferencePolicies refs, int k, double oracleShare, double oracleRate,
      double oracleEnd, SplittableRandom rng) {
    this.learner = learner;
    this.actions = actions;
    this.noise = noise;
    this.noiseDecay = noiseDecay;
    this.noiseEnd = noiseEnd;
    this.oracle = refs == null ? null : refs.policy(k);
    this.oracleTag = (byte) (Tag.OPT0.code() + Math.max(k, 0));
    this.oracleShare = oracleShare;
    this.oracleRate = oracleRate;
    this.oracleEnd = oracleEnd;
    this.rng = rng;
  }

  @Override
  public int act(int state) {
    if (noise > 0 && rng.nextDouble() < noise) {
      tag = RND;
      return rng.nextInt(actions);
    }
    if (oracle != null && oracleShare > 0 && rng.nextDouble() < oracleShare) {
      tag = oracleTag;
      return oracle[state];
    }
    tag = EXP1;
    return learner.act(state, rng);
  }

  @Override
  public byte tag() {
    return tag;
  }

  @Override
  public void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated) {
    if (noise > noiseEnd) {
      noise = Math.max(noiseEnd, noise - noiseDecay);
    }
    if (oracle != null && oracleShare < oracleEnd) {
      oracleShare = Math.min(oracleEnd, oracleShare + oracleRate);
    }
  }
}
