package io.icrl.synth.format;

import io.icrl.synth.rollout.SequenceInfo;

/**
 * One sequence as listed in the manifest and in its shard's {@code icrl.sequences} metadata: where
 * it is (record batch {@code batch} of its shard), its size, what produced it, and the CRC-32C of
 * its record batch's bytes (metadata + body) in the file.
 */
public record SequenceEntry(int sequence, int batch, int rows, int episodes, String taskId,
    long taskSeed, int states, int actions, String initialBehavior, boolean switching,
    int switches, boolean tagsMasked, String crc32c) {

  /** The entry of a generated sequence stored as batch {@code batch} with the given checksum. */
  public static SequenceEntry of(SequenceInfo info, int batch, String crc32c) {
    return new SequenceEntry(info.sequence(), batch, info.rows(), info.episodes(), info.taskId(),
        info.taskSeed(), info.states(), info.actions(), info.initialBehavior(), info.switching(),
        info.switches(), info.tagsMasked(), crc32c);
  }

  /** The same entry without its checksum (what the shard's own metadata records). */
  public SequenceEntry withoutChecksum() {
    return new SequenceEntry(sequence, batch, rows, episodes, taskId, taskSeed, states, actions,
        initialBehavior, switching, switches, tagsMasked, null);
  }
}
