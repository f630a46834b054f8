package io.icrl.synth.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.icrl.core.AtomicFiles;
import io.icrl.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A dataset's {@code manifest.json}: format and versions, the settings and seeds that generated
 * it, wall-clock facts (times, thread count: they live here, never in the Arrow files), and every
 * shard with its sequences, row counts and checksums. {@code complete} is false while {@code synth}
 * runs (or after it was interrupted): then only the listed shards are finished.
 */
public record Manifest(
    String format,
    int formatVersion,
    String icrlVersion,
    String gitCommit,
    boolean complete,
    long rootSeed,
    long taskSeedStart,
    long taskSeedCount,
    String taskFamily,
    Map<String, Double> behaviorMix,
    int sequences,
    int steps,
    String settingsFingerprint,
    JsonNode settings,
    int threads,
    String startedAt,
    String finishedAt,
    double wallSeconds,
    List<ShardEntry> shards) {

  /** The manifest's file name inside a dataset directory. */
  public static final String FILE = "manifest.json";

  /** Reads {@code dir/manifest.json}; a missing or malformed file is an {@link InvalidInputException}. */
  public static Manifest read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      Manifest m = Json.MAPPER.readValue(Files.readString(file), Manifest.class);
      if (!TrajectorySchema.FORMAT.equals(m.format())) {
        throw new InvalidInputException(file + ": not an icrl trajectory manifest (format '"
            + m.format() + "')");
      }
      if (m.formatVersion() != TrajectorySchema.VERSION) {
        throw new InvalidInputException(file + ": format version " + m.formatVersion()
            + ", but this icrl reads version " + TrajectorySchema.VERSION);
      }
      if (m.shards() == null) {
        throw new InvalidInputException(file + ": no shard list");
      }
      return m;
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("no " + FILE + " in " + dir + " (not an icrl dataset)", e);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(file + ": malformed manifest: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes {@code dir/manifest.json} atomically. */
  public void write(Path dir) throws IOException {
    AtomicFiles.writeString(dir.resolve(FILE),
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
  }

  /** Total rows over the listed shards. */
  public long rows() {
    return shards.stream().mapToLong(ShardEntry::rows).sum();
  }

  /** The same manifest with other shards, completion and timing. */
  public Manifest with(List<ShardEntry> newShards, boolean isComplete, String finished,
      double wall) {
    return new Manifest(format, formatVersion, icrlVersion, gitCommit, isComplete, rootSeed,
        taskSeedStart, taskSeedCount, taskFamily, behaviorMix, sequences, steps,
        settingsFingerprint, settings, threads, startedAt, finished, wall, List.copyOf(newShards));
  }
}
