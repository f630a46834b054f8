package io.icrl.tasks.gym;

/** Maps a continuous observation to a discrete state index. */
public interface ObservationBinner {
  /** Number of discrete states. */
  int states();

  /** The state of {@code observation}, in [0, states()). */
  int state(double[] observation);
}
