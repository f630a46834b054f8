package io.icrl.synth.format;

/**
 * What produced a behavior action, as stored in the {@code tag} column (int8 codes). {@link #UNK}
 * marks a tag that was masked so the model must infer the behavior from the data.
 */
public enum Tag {
  OPT0, OPT1, OPT2, OPT3, EXP1, EXP2, RND, UNK;

  /** The code stored in Arrow. */
  public byte code() {
    return (byte) ordinal();
  }

  public static Tag ofCode(int code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalArgumentException("tag code " + code + " out of range [0, 8)");
    }
    return values()[code];
  }

  /** Number of tag codes (the learner's tag vocabulary). */
  public static final int COUNT = 8;
}
