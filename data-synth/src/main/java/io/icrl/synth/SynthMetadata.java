package io.icrl.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.icrl.core.BuildInfo;
import io.icrl.synth.format.Json;
import io.icrl.synth.format.TrajectorySchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metadata a dataset records about how it was generated: the canonical settings JSON (without
 * the thread count, which does not change the bytes), its SHA-256 fingerprint (what a resume must
 * match), and the schema-level metadata shared by all shards.
 */
public final class SynthMetadata {
  /** Generator name recorded in {@code icrl.generator}. */
  public static final String GENERATOR = "io.icrl.synth.SequenceSynthesizer";

  private SynthMetadata() {}

  /** The content-determining settings as a JSON tree (threads set to 0). */
  public static JsonNode settingsTree(SynthSettings s) {
    return Json.MAPPER.valueToTree(s.withThreads(0));
  }

  /** Canonical JSON of the content-determining settings. */
  public static String settingsJson(SynthSettings s) {
    try {
      return Json.MAPPER.writeValueAsString(settingsTree(s));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 (hex) of {@link #settingsJson}. */
  public static String fingerprint(SynthSettings s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(settingsJson(s).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Schema-level metadata shared by every shard (no wall-clock values). */
  public static Map<String, String> schemaMetadata(SynthSettings s) {
    Map<String, String> md = new TreeMap<>();
    md.put(TrajectorySchema.KEY_FORMAT, TrajectorySchema.FORMAT);
    md.put(TrajectorySchema.KEY_VERSION, Integer.toString(TrajectorySchema.VERSION));
    md.put(TrajectorySchema.KEY_ICRL_VERSION, BuildInfo.version());
    md.put(TrajectorySchema.KEY_GENERATOR, GENERATOR);
    md.put(TrajectorySchema.KEY_SETTINGS, settingsJson(s));
    md.put(TrajectorySchema.KEY_ROOT_SEED, Long.toString(s.seed()));
    md.put(TrajectorySchema.KEY_TASK_SEED_RANGE, "[" + s.task().seedStart() + ", "
        + (s.task().seedStart() + s.task().seedCount()) + ")");
    try {
      md.put(TrajectorySchema.KEY_BEHAVIOR_MIX, Json.MAPPER.writeValueAsString(s.behavior().mix()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return md;
  }
}
