package io.icrl.synth.behavior;

/**
 * A behavior policy: chooses actions and says, by a {@link io.icrl.synth.format.Tag} code, what
 * produced each one. Policies are seeded and not thread-safe (one instance per sequence).
 */
public interface BehaviorPolicy extends TransitionObserver {
  /** Chooses the action in {@code state}; {@link #tag()} then tells what produced it. */
  int act(int state);

  /** Tag code of the action last returned by {@link #act}. */
  byte tag();
}
