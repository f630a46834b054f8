package io.icrl.synth.behavior;

import java.util.SplittableRandom;

/**
 * The reference policy opt_k with epsilon noise (see {@link EpsilonOraclePolicy}). Noise starts at
 * 1 and decreases by a fixed, randomly drawn amount on every transition, so the policy converges
 * to opt_k.
 */
public final class NoisyOraclePolicy extends EpsilonOraclePolicy {
  private final double decay;

  public NoisyOraclePolicy(ReferencePolicies refs, int k, int actions, double decay,
      SplittableRandom rng) {
    super(refs, k, actions, rng);
    this.decay = decay;
  }

  @Override
  public void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated) {
    noise -= decay;
  }
}
