package io.icrl.cluster.run;

import io.icrl.cluster.job.UnitExecutor;
import io.icrl.cluster.job.UnitResult;
import io.icrl.cluster.job.WorkUnit;
import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.cluster.stream.ShardSender;
import io.icrl.cluster.stream.StreamSettings;
import io.icrl.core.InvalidInputException;
import io.icrl.synth.SynthMetadata;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.bench.SparseRandomMdps;
import io.icrl.synth.format.ShardEntry;
import io.icrl.synth.format.ShardWriter;
import io.icrl.synth.rollout.SequenceColumns;
import io.icrl.synth.rollout.SequenceSynthesizer;
import io.icrl.tasks.TaskRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a synthesis unit (job kind {@value #KIND}): generates the unit's sequences with data-synth's
 * {@link SequenceSynthesizer}, writes them with {@link ShardWriter} into a local spill file (the
 * very bytes {@code icrl synth} writes for that shard) and streams the file to the learner with
 * {@link ShardSender}. The unit completes once the learner has stored the shard, so a unit the
 * coordinator records as done is durably in the dataset.
 */
public final class SynthUnitExecutor implements UnitExecutor {
  /** The job kind. */
  public static final String KIND = "synth";

  private final ShardSender sender;
  private final StreamSettings stream;
  private final IcrlMetrics metrics;
  private final Map<String, SequenceSynthesizer> synthesizers = new ConcurrentHashMap<>();

  public SynthUnitExecutor(ShardSender sender, StreamSettings stream, IcrlMetrics metrics) {
    this.sender = sender;
    this.stream = stream;
    this.metrics = metrics;
  }

  @Override
  public UnitResult execute(WorkUnit unit) throws Exception {
    SynthSettings settings = SynthSettings.from(RunPayload.parse(unit.payload()));
    int shard = shardOf(unit, settings);
    SequenceSynthesizer synth = synthesizers.computeIfAbsent(unit.payload(),
        p -> new SequenceSynthesizer(settings, registry()));
    List<SequenceColumns> sequences = new ArrayList<>();
    for (int i = unit.sequenceStart(); i < unit.sequenceEnd(); i++) {
      sequences.add(synth.synthesize(i, rows -> metrics.stepsSynthesized().inc(rows)));
    }
    Path dir = Files.createDirectories(stream.spillDirectory()).resolve(unit.jobId() + "-"
        + unit.unitId() + "-" + unit.attempt() + "-" + ProcessHandle.current().pid() + "-"
        + Thread.currentThread().getId());
    Path file = dir.resolve(ShardEntry.fileName(shard));
    try {
      ShardEntry entry = ShardWriter.write(file, shard, sequences,
          SynthMetadata.schemaMetadata(settings));
      sequences.clear();
      String dataDir = Path.of(unit.outputDir()).resolve("data").toString();
      sender.send(unit.unitId(), dataDir, unit.payload(), entry, file);
      return new UnitResult(entry.rows(), entry.bytes(), List.of("data/" + entry.file()),
          entry.crc32c());
    } finally {
      deleteQuietly(file);
      deleteQuietly(dir);
    }
  }

  /** The shard a unit produces; a unit must cover exactly one shard's sequences. */
  static int shardOf(WorkUnit unit, SynthSettings s) {
    int per = s.shardSequences();
    int k = unit.sequenceStart() / per;
    int end = Math.min(s.sequences(), (k + 1) * per);
    if (unit.sequenceStart() % per != 0 || unit.sequenceEnd() != end) {
      throw new InvalidInputException("synth unit " + unit.unitId() + " covers sequences ["
          + unit.sequenceStart() + ", " + unit.sequenceEnd() + "), not one shard of "
          + per + " sequences");
    }
    return k;
  }

  /** The task registry of {@code icrl synth} (standard tasks plus data-synth's stand-in family). */
  static TaskRegistry registry() {
    TaskRegistry registry = TaskRegistry.standard();
    if (!registry.names().contains(SparseRandomMdps.NAME)) {
      SparseRandomMdps.register(registry);
    }
    return registry;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A leftover spill file is harmless; the next attempt uses its own directory.
    }
  }
}
