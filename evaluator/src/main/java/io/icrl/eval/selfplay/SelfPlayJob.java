package io.icrl.eval.selfplay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icrl.core.BuildInfo;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.ModeSettings;
import io.icrl.eval.agent.RowModelSource;
import io.icrl.synth.format.DatasetDirectory;
import io.icrl.synth.format.Json;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardEntry;
import io.icrl.synth.format.ShardWriter;
import io.icrl.synth.format.TrainingTasks;
import io.icrl.synth.format.TrajectorySchema;
import io.icrl.synth.rollout.SequenceColumns;
import io.icrl.tasks.TaskRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Writes a self-play dataset: the shards and {@code manifest.json} of an icrl trajectory dataset
 * (docs/data-format.md) whose sequences the in-context model played itself ({@link
 * SelfPlayRollout}), so the learner can train on it beside synthesized data ({@code icrl train
 * --data SYNTH --data SELFPLAY}).
 *
 * <p>The manifest names the checkpoint's training tasks as the dataset's tasks (the sequences run
 * on tasks drawn from them), so the two datasets agree on what an evaluation must hold out. Its
 * behavior mix is {@code {model: 1}}; its settings hold the task range, the self-play settings,
 * the model's identity and the online protocol, and their SHA-256 is the fingerprint.
 *
 * <p>Shards are written in order, each atomically, and the manifest is rewritten after each one; a
 * run into a directory holding an incomplete dataset of the same fingerprint keeps its verified
 * shards and plays the rest, so a killed run resumes without repeating or losing a sequence.
 */
public final class SelfPlayJob {
  /** The behavior name of self-play sequences (manifest and sequence metadata). */
  public static final String BEHAVIOR = "model";
  /** Generator name recorded in the shards' {@code icrl.generator} metadata. */
  public static final String GENERATOR = "io.icrl.eval.selfplay.SelfPlayRollout";

  private SelfPlayJob() {}

  /**
   * Plays {@code settings.sequences()} sequences with {@code model} into {@code out}.
   *
   * @param modelId a stable identity of the model's weights (e.g. the SHA-256 of its parameters)
   * @param tasks the model's training tasks; sequences play tasks drawn from them
   * @param gammas the discounts of the reference policies opt0..opt3 (labels)
   * @param progress called with the number of each finished sequence's rows
   */
  public static Manifest run(SelfPlaySettings settings, EvalSettings eval, RowModelSource model,
      String modelId, TrainingTasks tasks, List<Double> gammas, TaskRegistry registry, Path out,
      IntConsumer progress) {
    try {
      return runChecked(settings, eval, model, modelId, tasks, gammas, registry, out, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("selfplay into " + out + " failed: " + e.getMessage(), e);
    }
  }

  private static Manifest runChecked(SelfPlaySettings settings, EvalSettings eval,
      RowModelSource model, String modelId, TrainingTasks tasks, List<Double> gammas,
      TaskRegistry registry, Path out, IntConsumer progress) throws IOException {
    long t0 = System.nanoTime();
    ObjectNode tree = settingsTree(settings, eval, modelId, tasks, gammas);
    String fingerprint = sha256(Json.MAPPER.writeValueAsString(tree));
    Map<Integer, ShardEntry> done = new TreeMap<>();
    Optional<Manifest> old = DatasetDirectory.prepare(out, fingerprint,
        "other settings or another model");
    if (old.isPresent()) {
      old.get().shards().forEach(e -> done.put(e.shard(), e));
      if (old.get().complete()) {
        return old.get();
      }
    }
    int threads = settings.effectiveThreads();
    Manifest manifest = new Manifest(TrajectorySchema.FORMAT, TrajectorySchema.VERSION,
        BuildInfo.version(), BuildInfo.gitCommit(), false, settings.seed(), tasks.seedStart(),
        tasks.seedCount(), tasks.family(), Map.of(BEHAVIOR, 1.0), settings.sequences(),
        settings.steps(), fingerprint, tree, threads, Instant.now().toString(), null, 0,
        List.copyOf(done.values()));
    manifest.write(out);

    Map<String, String> metadata = schemaMetadata(settings, tree, tasks);
    SelfPlayRollout rollout = new SelfPlayRollout(settings, eval, model, tasks, registry, gammas);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "icrl-selfplay");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int k = 0; k < settings.shardCount(); k++) {
        if (done.containsKey(k)) {
          continue;
        }
        int first = k * settings.shardSequences();
        int end = Math.min(settings.sequences(), first + settings.shardSequences());
        List<Future<SequenceColumns>> fs = new ArrayList<>();
        for (int i = first; i < end; i++) {
          int index = i;
          fs.add(pool.submit(() -> {
            SequenceColumns c = rollout.play(index);
            progress.accept(c.rows());
            return c;
          }));
        }
        List<SequenceColumns> sequences = new ArrayList<>(fs.size());
        for (Future<SequenceColumns> f : fs) {
          sequences.add(DatasetDirectory.await(f));
        }
        ShardEntry entry = ShardWriter.write(out.resolve(ShardEntry.fileName(k)), k, sequences,
            metadata);
        done.put(k, entry);
        manifest = manifest.with(new ArrayList<>(done.values()), false, null, seconds(t0));
        manifest.write(out);
      }
    } finally {
      pool.shutdownNow();
    }
    manifest = manifest.with(new ArrayList<>(done.values()), true, Instant.now().toString(),
        seconds(t0));
    manifest.write(out);
    return manifest;
  }

  /** What determines the dataset's content; {@code task} has the layout icrl synth writes. */
  static ObjectNode settingsTree(SelfPlaySettings s, EvalSettings eval, String modelId,
      TrainingTasks tasks, List<Double> gammas) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode task = root.putObject("task");
    task.put("family", tasks.family());
    task.put("states", tasks.states());
    task.put("actions", tasks.actions());
    task.put("params", tasks.params());
    task.put("seed-start", tasks.seedStart());
    task.put("seed-count", tasks.seedCount());
    ArrayNode mix = task.putArray("mix");
    for (String id : tasks.mixed()) {
      mix.addObject().put("id", id);
    }
    ObjectNode sp = root.putObject("selfplay");
    sp.put("sequences", s.sequences());
    sp.put("steps", s.steps());
    sp.put("seed", s.seed());
    sp.put("shard-sequences", s.shardSequences());
    root.put("model", modelId);
    ModeSettings online = eval.modeSettings().get(Mode.ONLINE);
    ObjectNode protocol = root.putObject("online");
    protocol.put("prompt", online.prompt().name());
    protocol.put("tag", online.tag().name());
    protocol.set("temperature", Json.MAPPER.valueToTree(eval.temperatures().get(Mode.ONLINE)));
    protocol.set("context-policy",
        Json.MAPPER.valueToTree(eval.contextPolicies().get(Mode.ONLINE)));
    protocol.put("context", eval.model().context());
    protocol.put("keep-fraction", eval.model().keepFraction());
    protocol.put("reward-shaping", String.valueOf(eval.rewardShaping()));
    ArrayNode g = root.putArray("reference-gammas");
    gammas.forEach(g::add);
    return root;
  }

  private static Map<String, String> schemaMetadata(SelfPlaySettings s, ObjectNode tree,
      TrainingTasks tasks) throws JsonProcessingException {
    Map<String, String> md = new TreeMap<>();
    md.put(TrajectorySchema.KEY_FORMAT, TrajectorySchema.FORMAT);
    md.put(TrajectorySchema.KEY_VERSION, Integer.toString(TrajectorySchema.VERSION));
    md.put(TrajectorySchema.KEY_ICRL_VERSION, BuildInfo.version());
    md.put(TrajectorySchema.KEY_GENERATOR, GENERATOR);
    md.put(TrajectorySchema.KEY_SETTINGS, Json.MAPPER.writeValueAsString(tree));
    md.put(TrajectorySchema.KEY_ROOT_SEED, Long.toString(s.seed()));
    md.put(TrajectorySchema.KEY_TASK_SEED_RANGE, "[" + tasks.seedStart() + ", " + tasks.seedEnd()
        + ")");
    md.put(TrajectorySchema.KEY_BEHAVIOR_MIX, Json.MAPPER.writeValueAsString(Map.of(BEHAVIOR,
        1.0)));
    return md;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
