package io.icrl.cluster.stream;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code icrl.cluster.stream}: how shards travel from synth workers to the learner.
 *
 * @param chunkBytes bytes per streamed chunk (at most {@link #MAX_CHUNK_BYTES}, to fit a frame)
 * @param bufferChunks chunks the learner buffers in memory per incoming shard
 * @param learnerWait how long a worker waits for a learner to appear and answer
 * @param storeTimeout how long a worker waits for the learner to confirm a shard is stored
 * @param spillDir where workers write a shard before streaming it (empty = system temp dir)
 */
public record StreamSettings(int chunkBytes, int bufferChunks, Duration learnerWait,
    Duration storeTimeout, String spillDir) {
  /** Largest chunk: Artery's default maximum frame (256 KiB) less room for the envelope. */
  public static final int MAX_CHUNK_BYTES = 240 * 1024;
  private static final String P = "icrl.cluster.stream.";

  public StreamSettings {
    if (chunkBytes < 1024 || chunkBytes > MAX_CHUNK_BYTES) {
      throw new InvalidInputException("setting " + P + "chunk-bytes = " + chunkBytes
          + ": expected 1024.." + MAX_CHUNK_BYTES + " (a chunk must fit one remoting frame)");
    }
    if (bufferChunks < 1) {
      throw new InvalidInputException("setting " + P + "buffer-chunks = " + bufferChunks
          + ": expected a positive integer");
    }
  }

  /** Reads {@code icrl.cluster.stream} from a loaded config. */
  public static StreamSettings from(Config c) {
    return new StreamSettings(Settings.integer(c, P + "chunk-bytes"),
        Settings.integer(c, P + "buffer-chunks"), duration(c, P + "learner-wait"),
        duration(c, P + "store-timeout"), Settings.string(c, P + "spill-dir"));
  }

  /** The directory for shards waiting to be streamed. */
  public Path spillDirectory() {
    return spillDir.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "icrl-spill")
        : Path.of(spillDir);
  }

  static Duration duration(Config c, String path) {
    try {
      Duration d = c.getDuration(path);
      if (d.isNegative() || d.isZero()) {
        throw new InvalidInputException("setting " + path + " = " + d + ": expected a positive"
            + " duration such as 30s");
      }
      return d;
    } catch (com.typesafe.config.ConfigException e) {
      throw new InvalidInputException("setting " + path + ": expected a duration such as 30s ("
          + e.getMessage() + ")", e);
    }
  }
}
