package io.icrl.synth.rollout;

/**
 * One sequence in memory as primitive columns, one entry per row (the same columns and meaning as
 * the Arrow files and {@link io.icrl.synth.format.StepWindow}; see docs/data-format.md).
 */
public final class SequenceColumns {
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
  private SequenceInfo info;

  /** Empty columns for {@code rows} rows. */
  public SequenceColumns(int rows) {
    state = new int[rows];
    action = new int[rows];
    label = new int[rows];
    prompt = new byte[rows];
    tag = new byte[rows];
    reward = new float[rows];
    terminated = new boolean[rows];
    truncated = new boolean[rows];
    episode = new int[rows];
    episodeStep = new int[rows];
  }

  public int rows() {
    return state.length;
  }

  public SequenceInfo info() {
    return info;
  }

  void setInfo(SequenceInfo info) {
    this.info = info;
  }

  /** Attaches {@code info} (for columns built outside the synthesizer, e.g. in tests). */
  public SequenceColumns withInfo(SequenceInfo info) {
    this.info = info;
    return this;
  }
}
