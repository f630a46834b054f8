package io.icrl.synth.format;

import io.icrl.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A generated dataset opened for reading: its manifest plus every shard memory-mapped, serving
 * windows of consecutive steps to the learner ({@link WindowSource}). Reads copy straight from the
 * mapped files into the caller's {@link StepWindow} (no per-row objects) and are safe from many
 * threads at once. Opening validates the manifest against every shard (see {@link ShardFile}) and,
 * by default, verifies every checksum; nothing bad is skipped.
 */
public final class Dataset implements WindowSource {
  private final Path dir;
  private final Manifest manifest;
  private final List<ShardFile> shards;
  private final SequenceView[] sequences;
  private final int maxStates;
  private final int maxActions;
  private final String id;
  private final Optional<TrainingTasks> tasks;

  private Dataset(Path dir, Manifest manifest, List<ShardFile> shards, SequenceView[] sequences) {
    this.dir = dir;
    this.manifest = manifest;
    this.shards = shards;
    this.sequences = sequences;
    int s = 0;
    int a = 0;
    for (SequenceView v : sequences) {
      s = Math.max(s, v.entry.states());
      a = Math.max(a, v.entry.actions());
    }
    this.maxStates = s;
    this.maxActions = a;
    this.id = identity(manifest);
    this.tasks = TrainingTasks.of(manifest);
  }

  /** Opens and fully verifies the dataset in {@code dir}. */
  public static Dataset open(Path dir) {
    return open(dir, true);
  }

  /**
   * Opens the dataset in {@code dir}.
   *
   * @param verify whether to recompute every CRC-32C (structure is always checked)
   */
  public static Dataset open(Path dir, boolean verify) {
    Manifest m = Manifest.read(dir);
    if (!m.complete()) {
      throw new InvalidInputException("dataset " + dir + " is incomplete (an interrupted synth?):"
          + " resume it by running the same synth command again");
    }
    List<ShardFile> shards = new ArrayList<>();
    List<SequenceView> views = new ArrayList<>();
    for (ShardEntry e : m.shards()) {
      ShardFile f = ShardFile.open(dir.resolve(e.file()), e, verify);
      shards.add(f);
      for (int b = 0; b < f.sequences().size(); b++) {
        SequenceView v = f.view(b);
        if (v.entry.sequence() != views.size()) {
          throw new InvalidInputException("shard " + f.path() + ", batch " + b + ": holds sequence "
              + v.entry.sequence() + " where sequence " + views.size() + " was expected");
        }
        views.add(v);
      }
    }
    if (views.size() != m.sequences()) {
      throw new InvalidInputException("dataset " + dir + ": shards hold " + views.size()
          + " sequences, the manifest says " + m.sequences());
    }
    return new Dataset(dir, m, shards, views.toArray(new SequenceView[0]));
  }

  /**
   * The identity of the dataset described by {@code m} ({@link #datasetId()} of the opened
   * dataset), computed from the manifest alone: the settings fingerprint and every shard's
   * checksum.
   */
  public static String identity(Manifest m) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(String.valueOf(m.settingsFingerprint()).getBytes(StandardCharsets.UTF_8));
      for (ShardEntry e : m.shards()) {
        md.update((e.file() + ":" + e.crc32c() + ";").getBytes(StandardCharsets.UTF_8));
      }
      return "sha256:" + HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path directory() {
    return dir;
  }

  public Manifest manifest() {
    return manifest;
  }

  public List<ShardFile> shards() {
    return shards;
  }

  /** The manifest entry of sequence {@code seq}. */
  public SequenceEntry sequence(int seq) {
    return sequences[seq].entry;
  }

  @Override
  public String datasetId() {
    return id;
  }

  @Override
  public Optional<TrainingTasks> trainingTasks() {
    return tasks;
  }

  @Override
  public int sequenceCount() {
    return sequences.length;
  }

  @Override
  public long sequenceLength(int seq) {
    return sequences[seq].rows;
  }

  @Override
  public int maxStates() {
    return maxStates;
  }

  @Override
  public int maxActions() {
    return maxActions;
  }

  @Override
  public void read(int seq, long start, int length, StepWindow out) {
    if (seq < 0 || seq >= sequences.length) {
      throw new IndexOutOfBoundsException("sequence " + seq + " not in [0, " + sequences.length
          + ")");
    }
    sequences[seq].readWindow(seq, start, length, out);
  }
}
