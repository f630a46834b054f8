package io.icrl.cluster.stream;

import io.icrl.core.AtomicFiles;
import io.icrl.core.BuildInfo;
import io.icrl.core.InvalidInputException;
import io.icrl.synth.SynthMetadata;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.SequenceEntry;
import io.icrl.synth.format.ShardEntry;
import io.icrl.synth.format.ShardFile;
import io.icrl.synth.format.TrajectorySchema;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A dataset directory filled by streamed shards: the same layout and bytes as {@code icrl synth}
 * writes (shard k = sequences {@code [k * shard-sequences, ...)}, {@code manifest.json} rewritten
 * atomically after every shard, {@code complete} once every shard is there), so {@code Dataset.open}
 * and a later {@code icrl synth} on the same directory accept it.
 *
 * <p>A shard is committed only after its bytes were fsynced and fully verified (structure,
 * sequences, every CRC-32C) against the entry its producer computed, and only once: a shard that is
 * already stored is a duplicate and its copy is dropped. Not thread-safe (one owner actor).
 */
final class StreamedDataset {
  private final Path dir;
  private final SynthSettings settings;
  private final String settingsJson;
  private final TreeMap<Integer, ShardEntry> stored = new TreeMap<>();
  private final long startNanos = System.nanoTime();
  private double earlierSeconds;
  private Manifest manifest;
  private long tempCounter;

  private StreamedDataset(Path dir, SynthSettings settings) {
    this.dir = dir;
    this.settings = settings;
    this.settingsJson = SynthMetadata.settingsJson(settings);
  }

  /**
   * Opens (or creates) the dataset directory for {@code settings}: leftover temporary files are
   * removed, shards already listed in its manifest are verified and kept.
   *
   * @throws InvalidInputException if the directory holds a dataset of other settings, a damaged
   *     shard, or unrelated files
   */
  static StreamedDataset open(Path dir, SynthSettings settings) throws IOException {
    StreamedDataset d = new StreamedDataset(dir, settings);
    Files.createDirectories(dir);
    removeTemporaries(dir);
    String fingerprint = SynthMetadata.fingerprint(settings);
    if (Files.exists(dir.resolve(Manifest.FILE))) {
      Manifest old = Manifest.read(dir);
      if (!fingerprint.equals(old.settingsFingerprint())) {
        throw new InvalidInputException("dataset directory " + dir + " holds data made with other"
            + " synth settings (fingerprint " + old.settingsFingerprint() + ", this job's is "
            + fingerprint + "); use another run directory");
      }
      for (ShardEntry e : old.shards()) {
        ShardFile.open(dir.resolve(e.file()), e, true);
        d.stored.put(e.shard(), e);
      }
      d.manifest = old;
      d.earlierSeconds = old.wallSeconds();
    } else {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        if (ds.iterator().hasNext()) {
          throw new InvalidInputException("dataset directory " + dir + " is not empty and holds no "
              + Manifest.FILE + "; use another run directory");
        }
      }
      d.manifest = new Manifest(TrajectorySchema.FORMAT, TrajectorySchema.VERSION,
          BuildInfo.version(), BuildInfo.gitCommit(), false, settings.seed(),
          settings.task().seedStart(), settings.task().seedCount(), settings.task().family(),
          settings.behavior().mix(), settings.sequences(), settings.steps(), fingerprint,
          SynthMetadata.settingsTree(settings), 0, Instant.now().toString(), null, 0, List.of());
      d.manifest.write(dir);
    }
    return d;
  }

  /** Whether {@code other} are this dataset's synth settings. */
  boolean sameSettings(SynthSettings other) {
    return settingsJson.equals(SynthMetadata.settingsJson(other));
  }

  Path directory() {
    return dir;
  }

  /** The stored entry of shard {@code shard}, or null. */
  ShardEntry stored(int shard) {
    return stored.get(shard);
  }

  int storedCount() {
    return stored.size();
  }

  boolean complete() {
    return stored.size() == settings.shardCount();
  }

  /**
   * Checks that {@code entry} describes a shard this dataset expects (index in range, the right
   * sequences, its file name); throws {@link InvalidInputException} otherwise.
   */
  void checkExpected(ShardEntry entry) {
    int k = entry.shard();
    if (k < 0 || k >= settings.shardCount()) {
      throw new InvalidInputException("shard " + k + " is outside this dataset's "
          + settings.shardCount() + " shards");
    }
    if (!entry.file().equals(ShardEntry.fileName(k))) {
      throw new InvalidInputException("shard " + k + " named " + entry.file() + ", expected "
          + ShardEntry.fileName(k));
    }
    int first = k * settings.shardSequences();
    int end = Math.min(settings.sequences(), first + settings.shardSequences());
    List<SequenceEntry> seqs = entry.sequences();
    if (seqs.size() != end - first) {
      throw new InvalidInputException("shard " + k + " holds " + seqs.size() + " sequences,"
          + " expected " + (end - first));
    }
    for (int i = 0; i < seqs.size(); i++) {
      if (seqs.get(i).sequence() != first + i || seqs.get(i).batch() != i) {
        throw new InvalidInputException("shard " + k + ", batch " + i + " holds sequence "
            + seqs.get(i).sequence() + ", expected " + (first + i));
      }
    }
  }

  /** A fresh temporary file for an incoming copy of shard {@code shard}. */
  Path newTempFile(int shard) {
    return dir.resolve("." + ShardEntry.fileName(shard) + ".tmp-ingest-"
        + ProcessHandle.current().pid() + "-" + (tempCounter++));
  }

  /**
   * Stores the received copy {@code tmp} of {@code entry}: fsync, full verification, atomic rename,
   * manifest update. Returns false (and deletes {@code tmp}) if the shard was already stored.
   *
   * @throws InvalidInputException if the copy does not match the entry (tmp is deleted)
   */
  boolean commit(Path tmp, ShardEntry entry) throws IOException {
    try {
      if (stored.containsKey(entry.shard())) {
        Files.deleteIfExists(tmp);
        return false;
      }
      checkExpected(entry);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      ShardFile f = ShardFile.open(tmp, entry, true);
      String theirs = f.metadata().get(TrajectorySchema.KEY_SETTINGS);
      if (!settingsJson.equals(theirs)) {
        throw new InvalidInputException("shard " + entry.shard() + " was made with other synth"
            + " settings than this dataset's");
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    AtomicFiles.moveAtomically(tmp, dir.resolve(entry.file()));
    stored.put(entry.shard(), entry);
    boolean done = complete();
    double wall = earlierSeconds + (System.nanoTime() - startNanos) / 1e9;
    manifest = manifest.with(new ArrayList<>(stored.values()), done,
        done ? Instant.now().toString() : null, wall);
    manifest.write(dir);
    return true;
  }

  /** Deletes a temporary copy that will not be committed. */
  void discard(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // Removed on the next open at the latest.
    }
  }

  private static void removeTemporaries(Path dir) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp-*")) {
      for (Path p : ds) {
        Files.deleteIfExists(p);
      }
    }
  }
}
