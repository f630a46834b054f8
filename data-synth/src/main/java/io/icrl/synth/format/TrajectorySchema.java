package io.icrl.synth.format;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema of icrl trajectory shards, format version {@value #VERSION} (documented in
 * docs/data-format.md). Standard Arrow types only; every column is non-nullable; each record batch
 * holds one whole sequence.
 */
public final class TrajectorySchema {
  /** Value of the {@link #KEY_FORMAT} metadata entry. */
  public static final String FORMAT = "icrl-trajectories";
  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  public static final String KEY_FORMAT = "icrl.format";
  public static final String KEY_VERSION = "icrl.format.version";
  public static final String KEY_ICRL_VERSION = "icrl.version";
  public static final String KEY_GENERATOR = "icrl.generator";
  public static final String KEY_SETTINGS = "icrl.settings";
  public static final String KEY_ROOT_SEED = "icrl.root_seed";
  public static final String KEY_TASK_SEED_RANGE = "icrl.task_seed_range";
  public static final String KEY_BEHAVIOR_MIX = "icrl.behavior_mix";
  public static final String KEY_SHARD = "icrl.shard";
  public static final String KEY_SEQUENCES = "icrl.sequences";

  public static final String STATE = "state";
  public static final String ACTION = "action";
  public static final String LABEL = "label";
  public static final String PROMPT = "prompt";
  public static final String TAG = "tag";
  public static final String REWARD = "reward";
  public static final String TERMINATED = "terminated";
  public static final String TRUNCATED = "truncated";
  public static final String EPISODE = "episode";
  public static final String EPISODE_STEP = "episode_step";

  /** Column indices, in schema order. */
  public static final int C_STATE = 0;
  public static final int C_ACTION = 1;
  public static final int C_LABEL = 2;
  public static final int C_PROMPT = 3;
  public static final int C_TAG = 4;
  public static final int C_REWARD = 5;
  public static final int C_TERMINATED = 6;
  public static final int C_TRUNCATED = 7;
  public static final int C_EPISODE = 8;
  public static final int C_EPISODE_STEP = 9;

  private static final ArrowType INT32 = new ArrowType.Int(32, true);
  private static final ArrowType INT8 = new ArrowType.Int(8, true);
  private static final ArrowType FLOAT32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
  private static final ArrowType BOOL = ArrowType.Bool.INSTANCE;

  /** The columns in order. */
  public static final List<Field> FIELDS = List.of(
      field(STATE, INT32),
      field(ACTION, INT32),
      field(LABEL, INT32),
      field(PROMPT, INT8),
      field(TAG, INT8),
      field(REWARD, FLOAT32),
      field(TERMINATED, BOOL),
      field(TRUNCATED, BOOL),
      field(EPISODE, INT32),
      field(EPISODE_STEP, INT32));

  private TrajectorySchema() {}

  private static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.notNullable(type), null);
  }

  /** The schema with the given (schema-level) metadata. */
  public static Schema schema(Map<String, String> metadata) {
    return new Schema(FIELDS, metadata);
  }

  /** Bytes per value of column {@code c}'s data buffer, or 0 for bit-packed columns. */
  static int width(int c) {
    return switch (c) {
      case C_PROMPT, C_TAG -> 1;
      case C_TERMINATED, C_TRUNCATED -> 0;
      default -> 4;
    };
  }
}
