package io.icrl.synth.format;

import java.util.List;

/**
 * One shard file as listed in the manifest: its file name (relative to the dataset directory),
 * size, row count, CRC-32C of the whole file, and its sequences in batch order.
 */
public record ShardEntry(int shard, String file, long bytes, long rows, String crc32c,
    List<SequenceEntry> sequences) {

  /** The file name of shard {@code index}. */
  public static String fileName(int index) {
    return String.format("shard-%06d.arrow", index);
  }
}
