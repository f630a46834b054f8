package io.icrl.synth.behavior;

import io.icrl.synth.format.Tag;

/** The reference policy opt_k itself: deterministic, never learns, tagged {@code optK}. */
public final class ReferencePolicy implements BehaviorPolicy {
  private final int[] policy;
  private final byte tag;

  public ReferencePolicy(ReferencePolicies refs, int k) {
    this.policy = refs.policy(k);
    this.tag = (byte) (Tag.OPT0.code() + k);
  }

  @Override
  public int act(int state) {
    return policy[state];
  }

  @Override
  public byte tag() {
    return tag;
  }

  @Override
  public void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated) {}
}
