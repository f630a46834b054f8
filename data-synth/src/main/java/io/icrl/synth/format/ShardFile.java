package io.icrl.synth.format;

import com.fasterxml.jackson.core.type.TypeReference;
import io.icrl.core.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One shard opened for reading: its footer and record-batch headers are parsed with Arrow, each
 * batch's body is memory-mapped, and each sequence gets zero-copy column views. Opening checks
 * everything it can and fails with an {@link InvalidInputException} naming the file and, where it
 * applies, the batch: a truncated or unreadable file, another format or format version, a schema
 * mismatch, compressed or nullable data, buffers out of bounds, rows that disagree with the
 * manifest, and (when verifying) CRC-32C mismatches per batch and for the whole file.
 *
 * <p>As a {@link WindowSource}, sequence {@code i} is the shard's batch {@code i}.
 */
public final class ShardFile implements WindowSource {
  private final Path path;
  private final Map<String, String> metadata;
  private final List<SequenceEntry> sequences;
  private final List<SequenceView> views;
  private final long bytes;

  private ShardFile(Path path, Map<String, String> metadata, List<SequenceEntry> sequences,
      List<SequenceView> views, long bytes) {
    this.path = path;
    this.metadata = metadata;
    this.sequences = sequences;
    this.views = views;
    this.bytes = bytes;
  }

  /**
   * Opens a shard on its own (no manifest): structure and metadata are checked, checksums are not
   * (they live in the manifest).
   */
  public static ShardFile open(Path path) {
    return open(path, null, false);
  }

  /**
   * Opens a shard listed in a manifest.
   *
   * @param expected the manifest's entry (sizes, rows and checksums to match), or null
   * @param verify whether to recompute and compare the CRC-32C checksums
   */
  public static ShardFile open(Path path, ShardEntry expected, boolean verify) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (expected != null && size != expected.bytes()) {
        throw bad(path, "size is " + size + " bytes, the manifest says " + expected.bytes()
            + " (truncated or replaced file)");
      }
      Schema schema;
      List<ArrowBlock> blocks;
      // The Arrow reader closes its channel, so it gets its own.
      try (BufferAllocator allocator = new RootAllocator();
          ArrowFileReader reader = new ArrowFileReader(
              FileChannel.open(path, StandardOpenOption.READ), allocator)) {
        schema = reader.getVectorSchemaRoot().getSchema();
        blocks = reader.getRecordBlocks();
      } catch (IOException | RuntimeException e) {
        throw bad(path, "not a readable Arrow IPC file (truncated or corrupted?): " + e, e);
      }
      Map<String, String> md = schema.getCustomMetadata();
      checkFormat(path, schema, md);
      List<SequenceEntry> seqs = sequencesOf(path, md);
      if (blocks.size() != seqs.size()) {
        throw bad(path, "has " + blocks.size() + " record batches but its metadata lists "
            + seqs.size() + " sequences");
      }
      if (expected != null) {
        checkAgainstManifest(path, expected, seqs);
      }
      if (verify && expected != null) {
        verifyChecksums(path, ch, blocks, expected);
      }
      List<SequenceView> views = new ArrayList<>(blocks.size());
      for (int i = 0; i < blocks.size(); i++) {
        views.add(mapBatch(path, ch, size, blocks.get(i), i, seqs.get(i)));
      }
      return new ShardFile(path, md, seqs, views, size);
    } catch (NoSuchFileException e) {
      throw bad(path, "file not found", e);
    } catch (IOException e) {
      throw bad(path, "cannot read: " + e, e);
    }
  }

  private static void checkFormat(Path path, Schema schema, Map<String, String> md) {
    if (md == null || !TrajectorySchema.FORMAT.equals(md.get(TrajectorySchema.KEY_FORMAT))) {
      throw bad(path, "not an icrl trajectory shard (schema metadata "
          + TrajectorySchema.KEY_FORMAT + " is " + (md == null ? null
          : md.get(TrajectorySchema.KEY_FORMAT)) + ")");
    }
    String version = md.get(TrajectorySchema.KEY_VERSION);
    if (!Integer.toString(TrajectorySchema.VERSION).equals(version)) {
      throw bad(path, "format version " + version + ", but this icrl reads version "
          + TrajectorySchema.VERSION);
    }
    List<Field> fields = schema.getFields();
    if (fields.size() != TrajectorySchema.FIELDS.size()) {
      throw bad(path, "schema has " + fields.size() + " columns, expected "
          + TrajectorySchema.FIELDS.size());
    }
    for (int c = 0; c < fields.size(); c++) {
      Field want = TrajectorySchema.FIELDS.get(c);
      Field got = fields.get(c);
      if (!want.getName().equals(got.getName()) || !want.getType().equals(got.getType())) {
        throw bad(path, "column " + c + " is " + got.getName() + ": " + got.getType()
            + ", expected " + want.getName() + ": " + want.getType());
      }
    }
  }

  private static List<SequenceEntry> sequencesOf(Path path, Map<String, String> md) {
    String json = md.get(TrajectorySchema.KEY_SEQUENCES);
    if (json == null) {
      throw bad(path, "schema metadata has no " + TrajectorySchema.KEY_SEQUENCES);
    }
    try {
      return Json.MAPPER.readValue(json, new TypeReference<List<SequenceEntry>>() {});
    } catch (IOException e) {
      throw bad(path, "malformed " + TrajectorySchema.KEY_SEQUENCES + " metadata: " + e, e);
    }
  }

  private static void checkAgainstManifest(Path path, ShardEntry expected,
      List<SequenceEntry> seqs) {
    if (expected.sequences().size() != seqs.size()) {
      throw bad(path, "holds " + seqs.size() + " sequences, the manifest lists "
          + expected.sequences().size());
    }
    for (int i = 0; i < seqs.size(); i++) {
      SequenceEntry want = expected.sequences().get(i).withoutChecksum();
      if (!want.equals(seqs.get(i))) {
        throw bad(path, "batch " + i + ": sequence " + seqs.get(i).sequence() + " ("
            + seqs.get(i).rows() + " rows) does not match the manifest's sequence "
            + want.sequence() + " (" + want.rows() + " rows)");
      }
    }
  }

  private static void verifyChecksums(Path path, FileChannel ch, List<ArrowBlock> blocks,
      ShardEntry expected) throws IOException {
    for (int i = 0; i < blocks.size(); i++) {
      ArrowBlock b = blocks.get(i);
      String crc = crc(ch, b.getOffset(), b.getMetadataLength() + b.getBodyLength());
      String want = expected.sequences().get(i).crc32c();
      if (!crc.equals(want)) {
        throw bad(path, "batch " + i + " (sequence " + expected.sequences().get(i).sequence()
            + "): checksum mismatch (CRC-32C " + crc + ", manifest " + want
            + "): the data is corrupted");
      }
    }
    String crc = crc(ch, 0, ch.size());
    if (!crc.equals(expected.crc32c())) {
      throw bad(path, "file checksum mismatch (CRC-32C " + crc + ", manifest " + expected.crc32c()
          + "): schema, footer or padding is corrupted");
    }
  }

  /** CRC-32C of {@code length} bytes at {@code offset}, as 8 hex digits. */
  static String crc(FileChannel ch, long offset, long length) throws IOException {
    CRC32C crc = new CRC32C();
    long chunk = 1L << 28;
    for (long done = 0; done < length; done += chunk) {
      long n = Math.min(chunk, length - done);
      crc.update(ch.map(FileChannel.MapMode.READ_ONLY, offset + done, n));
    }
    return ChecksumChannel.hex(crc.getValue());
  }

  private static SequenceView mapBatch(Path path, FileChannel ch, long size, ArrowBlock block,
      int batch, SequenceEntry seq) throws IOException {
    String where = "batch " + batch + " (sequence " + seq.sequence() + ")";
    long bodyStart = block.getOffset() + block.getMetadataLength();
    long bodyLength = block.getBodyLength();
    if (block.getOffset() < 0 || bodyStart + bodyLength > size || bodyLength > Integer.MAX_VALUE) {
      throw bad(path, where + ": record batch lies outside the file (truncated?)");
    }
    RecordBatch rb;
    try {
      ch.position(block.getOffset());
      MessageMetadataResult msg = MessageSerializer.readMessage(new ReadChannel(ch));
      if (msg == null || msg.headerType() != MessageHeader.RecordBatch) {
        throw bad(path, where + ": no record batch message at offset " + block.getOffset());
      }
      rb = (RecordBatch) msg.getMessage().header(new RecordBatch());
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException ie) {
        throw ie;
      }
      throw bad(path, where + ": unreadable record batch header: " + e, e);
    }
    if (rb.compression() != null) {
      throw bad(path, where + ": compressed record batches are not supported");
    }
    int rows = seq.rows();
    if (rb.length() != rows) {
      throw bad(path, where + ": " + rb.length() + " rows, the metadata says " + rows);
    }
    int columns = TrajectorySchema.FIELDS.size();
    if (rb.nodesLength() != columns || rb.buffersLength() != 2 * columns) {
      throw bad(path, where + ": " + rb.nodesLength() + " columns / " + rb.buffersLength()
          + " buffers, expected " + columns + " / " + 2 * columns);
    }
    MappedByteBuffer body = ch.map(FileChannel.MapMode.READ_ONLY, bodyStart, bodyLength);
    ByteBuffer[] views = new ByteBuffer[columns];
    FieldNode node = new FieldNode();
    for (int c = 0; c < columns; c++) {
      rb.nodes(node, c);
      if (node.length() != rows || node.nullCount() != 0) {
        throw bad(path, where + ": column " + TrajectorySchema.FIELDS.get(c).getName()
            + " has " + node.length() + " values and " + node.nullCount()
            + " nulls, expected " + rows + " and 0");
      }
      org.apache.arrow.flatbuf.Buffer data = rb.buffers(2 * c + 1);
      int width = TrajectorySchema.width(c);
      long need = width == 0 ? (rows + 7L) / 8 : (long) rows * width;
      if (data.offset() < 0 || data.length() < need || data.offset() + need > bodyLength) {
        throw bad(path, where + ": column " + TrajectorySchema.FIELDS.get(c).getName()
            + " data buffer out of bounds");
      }
      views[c] = body.slice((int) data.offset(), (int) need).order(ByteOrder.LITTLE_ENDIAN);
    }
    return new SequenceView(seq, views);
  }

  private static InvalidInputException bad(Path path, String what) {
    return new InvalidInputException("shard " + path + ": " + what);
  }

  private static InvalidInputException bad(Path path, String what, Throwable cause) {
    return new InvalidInputException("shard " + path + ": " + what, cause);
  }

  public Path path() {
    return path;
  }

  /** The schema-level metadata. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The sequences, in batch order. */
  public List<SequenceEntry> sequences() {
    return sequences;
  }

  /** File size in bytes. */
  public long bytes() {
    return bytes;
  }

  SequenceView view(int batch) {
    return views.get(batch);
  }

  @Override
  public String datasetId() {
    return path.getFileName() + ":" + metadata.get(TrajectorySchema.KEY_SHARD);
  }

  @Override
  public int sequenceCount() {
    return views.size();
  }

  @Override
  public long sequenceLength(int seq) {
    return views.get(seq).rows;
  }

  @Override
  public int maxStates() {
    return sequences.stream().mapToInt(SequenceEntry::states).max().orElse(0);
  }

  @Override
  public int maxActions() {
    return sequences.stream().mapToInt(SequenceEntry::actions).max().orElse(0);
  }

  @Override
  public void read(int seq, long start, int length, StepWindow out) {
    views.get(seq).readWindow(seq, start, length, out);
  }
}
