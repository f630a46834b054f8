package io.icrl.synth.format;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * Zero-copy views of one sequence's columns inside a memory-mapped record batch. Reads use
 * absolute bulk gets only, so one view serves concurrent readers and allocates nothing.
 */
final class SequenceView {
  final SequenceEntry entry;
  final int rows;
  private final IntBuffer state;
  private final IntBuffer action;
  private final IntBuffer label;
  private final ByteBuffer prompt;
  private final ByteBuffer tag;
  private final FloatBuffer reward;
  private final ByteBuffer terminated;
  private final ByteBuffer truncated;
  private final IntBuffer episode;
  private final IntBuffer episodeStep;

  SequenceView(SequenceEntry entry, ByteBuffer[] columns) {
    this.entry = entry;
    this.rows = entry.rows();
    state = columns[TrajectorySchema.C_STATE].asIntBuffer();
    action = columns[TrajectorySchema.C_ACTION].asIntBuffer();
    label = columns[TrajectorySchema.C_LABEL].asIntBuffer();
    prompt = columns[TrajectorySchema.C_PROMPT];
    tag = columns[TrajectorySchema.C_TAG];
    reward = columns[TrajectorySchema.C_REWARD].asFloatBuffer();
    terminated = columns[TrajectorySchema.C_TERMINATED];
    truncated = columns[TrajectorySchema.C_TRUNCATED];
    episode = columns[TrajectorySchema.C_EPISODE].asIntBuffer();
    episodeStep = columns[TrajectorySchema.C_EPISODE_STEP].asIntBuffer();
  }

  /** Copies rows {@code [start, start + n)} into {@code out} (from index 0). */
  /**
   * Reads rows {@code [start, start + length)} into {@code out} and fills its header, with {@code
   * index} as the sequence number the caller knows this sequence by.
   */
  void readWindow(int index, long start, int length, StepWindow out) {
    if (start < 0 || length < 0 || start + length > rows || length > out.capacity()) {
      throw new IndexOutOfBoundsException("window [" + start + ", " + (start + length)
          + ") of sequence " + index + " (" + rows + " rows) into a window of capacity "
          + out.capacity());
    }
    read((int) start, length, out);
    out.length = length;
    out.states = entry.states();
    out.actions = entry.actions();
    out.sequence = index;
    out.start = start;
  }

  void read(int start, int n, StepWindow out) {
    state.get(start, out.state, 0, n);
    action.get(start, out.action, 0, n);
    label.get(start, out.label, 0, n);
    prompt.get(start, out.prompt, 0, n);
    tag.get(start, out.tag, 0, n);
    reward.get(start, out.reward, 0, n);
    episode.get(start, out.episode, 0, n);
    episodeStep.get(start, out.episodeStep, 0, n);
    bits(terminated, start, n, out.terminated);
    bits(truncated, start, n, out.truncated);
  }

  private static void bits(ByteBuffer buf, int start, int n, boolean[] out) {
    int i = 0;
    int r = start;
    while (i < n) {
      int b = buf.get(r >>> 3);
      int bit = r & 7;
      int take = Math.min(8 - bit, n - i);
      for (int j = 0; j < take; j++) {
        out[i + j] = ((b >>> (bit + j)) & 1) != 0;
      }
      i += take;
      r += take;
    }
  }
}
