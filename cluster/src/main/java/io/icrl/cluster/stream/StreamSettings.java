package io.icrl.cluster.stream;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code icrl.cluster.stream}: how shards travel from synth workers to the learner.
 *
 * @param chunkBytes bytes per streamed chunk (at most the remoting frame size less {@link
 *     #ENVELOPE_BYTES})
 * @param bufferChunks chunks the learner buffers in memory per incoming shard
 * @param learnerWait how long a worker waits for a learner to appear and answer
 * @param storeTimeout how long a worker waits for the learner to confirm a shard is stored
 * @param spillDir where workers write a shard before streaming it (empty = system temp dir)
 */
public record StreamSettings(int chunkBytes, int bufferChunks, Duration learnerWait,
    Duration storeTimeout, String spillDir) {
  /** Room kept in a remoting frame for the message envelope around a chunk. */
  public static final int ENVELOPE_BYTES = 16 * 1024;
  static final String FRAME = "pekko.remote.artery.advanced.maximum-frame-size";
  private static final String P = "icrl.cluster.stream.";

  public StreamSettings {
    if (chunkBytes < 1024) {
      throw new InvalidInputException("setting " + P + "chunk-bytes = " + chunkBytes
          + ": expected at least 1024");
    }
    if (bufferChunks < 1) {
      throw new InvalidInputException("setting " + P + "buffer-chunks = " + bufferChunks
          + ": expected a positive integer");
    }
  }

  /**
   * Reads {@code icrl.cluster.stream} from a loaded config; a chunk must fit one remoting frame
   * ({@value #FRAME}: 1 MiB in icrl's reference.conf, Artery's own default is 256 KiB) with room
   * for its envelope.
   */
  public static StreamSettings from(Config c) {
    int chunk = Settings.integer(c, P + "chunk-bytes");
    long frame = c.hasPath(FRAME) ? c.getBytes(FRAME) : 256 * 1024;
    if (chunk > frame - ENVELOPE_BYTES) {
      throw new InvalidInputException("setting " + P + "chunk-bytes = " + chunk + ": expected"
          + " 1024.." + (frame - ENVELOPE_BYTES) + " (a chunk must fit one remoting frame of "
          + FRAME + " = " + frame + " bytes, less " + ENVELOPE_BYTES + " for the envelope)");
    }
    return new StreamSettings(chunk,
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
