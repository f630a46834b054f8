package io.icrl.synth.behavior;

/** Something that learns or changes from every transition of a sequence, whoever acted. */
public interface TransitionObserver {
  /** Sees the transition (s, a, r, s') with its Gymnasium end flags. */
  void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated);

  /** Called when episode {@code episode} starts at row {@code row} of the sequence. */
  default void episodeStart(int episode, long row) {}
}
