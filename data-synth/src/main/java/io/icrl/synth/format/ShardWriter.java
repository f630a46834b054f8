package io.icrl.synth.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.icrl.core.AtomicFiles;
import io.icrl.synth.rollout.SequenceColumns;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Writes one shard: an Arrow IPC file with one record batch per sequence, crash-safely (temporary
 * file in the same directory, fsync, atomic rename via {@link AtomicFiles#moveAtomically}). The
 * output bytes depend only on the sequences and the metadata given.
 */
public final class ShardWriter {
  private ShardWriter() {}

  /**
   * Writes {@code sequences} (in order, batch i = sequences.get(i)) to {@code target}.
   *
   * @param baseMetadata schema metadata shared by every shard of the dataset; the shard index and
   *     its sequence list are added
   * @return the shard's manifest entry (with file and per-batch checksums)
   */
  public static ShardEntry write(Path target, int shard, List<SequenceColumns> sequences,
      Map<String, String> baseMetadata) throws IOException {
    Map<String, String> metadata = new TreeMap<>(baseMetadata);
    metadata.put(TrajectorySchema.KEY_SHARD, Integer.toString(shard));
    List<SequenceEntry> described = new ArrayList<>();
    for (int i = 0; i < sequences.size(); i++) {
      described.add(SequenceEntry.of(sequences.get(i).info(), i, null));
    }
    metadata.put(TrajectorySchema.KEY_SEQUENCES, toJson(described));
    int capacity = 1;
    for (SequenceColumns s : sequences) {
      capacity = Math.max(capacity, s.rows());
    }

    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid()
        + "-" + Thread.currentThread().getId());
    List<SequenceEntry> entries = new ArrayList<>();
    long rows = 0;
    String fileCrc;
    long bytes;
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(TrajectorySchema.schema(metadata),
            allocator);
        FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      for (FieldVector v : root.getFieldVectors()) {
        BaseFixedWidthVector f = (BaseFixedWidthVector) v;
        f.setInitialCapacity(capacity);
        f.allocateNew(capacity);
        ArrowBuf validity = f.getValidityBuffer();
        validity.setOne(0, (long) (capacity + 7) / 8);
      }
      ChecksumChannel out = new ChecksumChannel(ch);
      try (ArrowFileWriter writer = new ArrowFileWriter(root,
          new DictionaryProvider.MapDictionaryProvider(), out)) {
        writer.start();
        for (int i = 0; i < sequences.size(); i++) {
          SequenceColumns s = sequences.get(i);
          fill(root, s);
          out.beginPart();
          writer.writeBatch();
          ArrowBlock block = writer.getRecordBlocks().get(i);
          if (block.getOffset() != out.partStart()
              || block.getOffset() + block.getMetadataLength() + block.getBodyLength()
                  != out.position()) {
            throw new IllegalStateException("record batch " + i + " of " + target
                + " was not written contiguously");
          }
          entries.add(SequenceEntry.of(s.info(), i, out.partCrc()));
          rows += s.rows();
        }
        writer.end();
      }
      ch.force(true);
      fileCrc = out.wholeCrc();
      bytes = out.position();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    AtomicFiles.moveAtomically(tmp, target);
    return new ShardEntry(shard, target.getFileName().toString(), bytes, rows, fileCrc, entries);
  }

  private static void fill(VectorSchemaRoot root, SequenceColumns s) {
    int n = s.rows();
    List<FieldVector> v = root.getFieldVectors();
    putInts(v.get(TrajectorySchema.C_STATE), s.state, n);
    putInts(v.get(TrajectorySchema.C_ACTION), s.action, n);
    putInts(v.get(TrajectorySchema.C_LABEL), s.label, n);
    v.get(TrajectorySchema.C_PROMPT).getDataBuffer().setBytes(0, s.prompt, 0, n);
    v.get(TrajectorySchema.C_TAG).getDataBuffer().setBytes(0, s.tag, 0, n);
    data(v.get(TrajectorySchema.C_REWARD), (long) n * 4).asFloatBuffer().put(s.reward, 0, n);
    putBits(v.get(TrajectorySchema.C_TERMINATED), s.terminated, n);
    putBits(v.get(TrajectorySchema.C_TRUNCATED), s.truncated, n);
    putInts(v.get(TrajectorySchema.C_EPISODE), s.episode, n);
    putInts(v.get(TrajectorySchema.C_EPISODE_STEP), s.episodeStep, n);
    root.setRowCount(n);
  }

  private static ByteBuffer data(FieldVector v, long bytes) {
    return v.getDataBuffer().nioBuffer(0, (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void putInts(FieldVector v, int[] values, int n) {
    data(v, (long) n * 4).asIntBuffer().put(values, 0, n);
  }

  private static void putBits(FieldVector v, boolean[] values, int n) {
    byte[] packed = new byte[(n + 7) / 8];
    for (int i = 0; i < n; i++) {
      if (values[i]) {
        packed[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    v.getDataBuffer().setBytes(0, packed, 0, packed.length);
  }

  static String toJson(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
