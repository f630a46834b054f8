package io.icrl.synth.format;

/**
 * A reusable buffer of up to {@code capacity} consecutive steps of one sequence, in columns of
 * primitives (no per-row objects). The learner fills one per batch row and reuses it.
 *
 * <p>Row semantics (see docs/data-format.md): each row is one observation and what the behavior
 * did there. An episode of L actions yields L action rows and then one boundary row holding the
 * episode's final observation, with {@code action = -1}, {@code label = -1}, {@code reward = 0} and
 * {@code terminated}/{@code truncated} telling how the episode ended. The next episode starts at its
 * reset observation on the following row.
 */
public final class StepWindow {
  /** Number of valid rows. */
  public int length;
  /** Number of states / actions of the task this sequence was rolled out on. */
  public int states;
  public int actions;
  /** Sequence index in the dataset and the row index of the window's first step. */
  public int sequence;
  public long start;

  public final int[] state;
  public final int[] action;
  public final int[] label;
  public final byte[] prompt;
  public final byte[] tag;
  public final float[] reward;
  public final boolean[] terminated;
  public final boolean[] truncated;
  public final int[] episode;
  public final int[] episodeStep;

  public StepWindow(int capacity) {
    state = new int[capacity];
    action = new int[capacity];
    label = new int[capacity];
    prompt = new byte[capacity];
    tag = new byte[capacity];
    reward = new float[capacity];
    terminated = new boolean[capacity];
    truncated = new boolean[capacity];
    episode = new int[capacity];
    episodeStep = new int[capacity];
  }

  public int capacity() {
    return state.length;
  }

  /** True when row {@code i} is an episode's boundary row (final observation, no action). */
  public boolean isBoundary(int i) {
    return action[i] < 0;
  }
}
