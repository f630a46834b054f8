package io.icrl.synth.behavior;

import java.util.SplittableRandom;

/**
 * Vintix-style noise distillation: the demonstrator opt_k acts with epsilon noise (see {@link
 * EpsilonOraclePolicy}) that is constant within an episode and decays linearly across episodes,
 * from 1 at the first row of the sequence to 0 at row {@code zeroRow}.
 */
public final class NoiseDistillationPolicy extends EpsilonOraclePolicy {
  private final double zeroRow;

  public NoiseDistillationPolicy(ReferencePolicies refs, int k, int actions, double zeroRow,
      SplittableRandom rng) {
    super(refs, k, actions, rng);
    this.zeroRow = zeroRow;
  }

  @Override
  public void episodeStart(int episode, long row) {
    noise = Math.max(0.0, 1.0 - row / zeroRow);
  }

  @Override
  public void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated) {}
}
