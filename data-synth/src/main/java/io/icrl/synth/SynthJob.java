package io.icrl.synth;

import io.icrl.core.BuildInfo;
import io.icrl.synth.bench.SparseRandomMdps;
import io.icrl.synth.format.DatasetDirectory;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardEntry;
import io.icrl.synth.format.ShardWriter;
import io.icrl.synth.format.TrajectorySchema;
import io.icrl.synth.rollout.SequenceColumns;
import io.icrl.synth.rollout.SequenceSynthesizer;
import io.icrl.tasks.TaskRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a dataset into a directory: shard k holds sequences {@code [k * shard-sequences, ...)},
 * sequences are synthesized in parallel and shards written in order by the calling thread, each
 * atomically, with {@code manifest.json} rewritten (atomically) after every shard.
 *
 * <p>Resume: a directory with an incomplete manifest from the same settings continues where it
 * stopped. Shards listed in the manifest are verified (size and checksum) and kept; anything else
 * (a shard written but not yet listed, temporary files) is regenerated or removed, so no sequence
 * is ever duplicated. Since sequence i depends only on (root seed, i), a resumed dataset is
 * byte-identical to an uninterrupted one, whatever the thread counts.
 */
public final class SynthJob {
  private SynthJob() {}

  /**
   * Runs with the standard task registry, plus data-synth's stand-in family {@code sparse-random}
   * ({@link SparseRandomMdps}) when the registry has no family of that name.
   */
  public static Manifest run(SynthSettings settings, Path outDir, SynthProgress progress) {
    TaskRegistry registry = TaskRegistry.standard();
    if (!registry.names().contains(SparseRandomMdps.NAME)) {
      SparseRandomMdps.register(registry);
    }
    return run(settings, outDir, registry, progress);
  }

  /** Runs with tasks made by {@code registry}. */
  public static Manifest run(SynthSettings settings, Path outDir, TaskRegistry registry,
      SynthProgress progress) {
    try {
      return runChecked(settings, outDir, registry, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("synth into " + outDir + " failed: " + e.getMessage(), e);
    }
  }

  private static Manifest runChecked(SynthSettings settings, Path outDir, TaskRegistry registry,
      SynthProgress progress) throws IOException {
    long t0 = System.nanoTime();
    String fingerprint = SynthMetadata.fingerprint(settings);
    int threads = settings.effectiveThreads();
    Map<Integer, ShardEntry> done = new TreeMap<>();
    Optional<Manifest> old = DatasetDirectory.prepare(outDir, fingerprint, "other settings");
    if (old.isPresent()) {
      old.get().shards().forEach(e -> done.put(e.shard(), e));
      if (old.get().complete()) {
        progress.finished(old.get());
        return old.get();
      }
    }
    Manifest manifest = new Manifest(TrajectorySchema.FORMAT, TrajectorySchema.VERSION, BuildInfo.version(),
        BuildInfo.gitCommit(), false, settings.seed(), settings.task().seedStart(),
        settings.task().seedCount(), settings.task().family(), settings.behavior().mix(),
        settings.sequences(), settings.steps(), fingerprint, SynthMetadata.settingsTree(settings),
        threads, Instant.now().toString(), null, 0, List.copyOf(done.values()));
    manifest.write(outDir);

    int shardCount = settings.shardCount();
    long totalRows = (long) settings.sequences() * settings.steps();
    long doneRows = done.values().stream().mapToLong(ShardEntry::rows).sum();
    progress.started(totalRows, doneRows, threads);

    List<Integer> todo = new ArrayList<>();
    for (int k = 0; k < shardCount; k++) {
      if (!done.containsKey(k)) {
        todo.add(k);
      }
    }
    Map<String, String> metadata = SynthMetadata.schemaMetadata(settings);
    SequenceSynthesizer synth = new SequenceSynthesizer(settings, registry);
    int maxInFlight = Math.max(4 * threads, settings.shardSequences());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "icrl-synth");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<List<Future<SequenceColumns>>> inFlight = new ArrayDeque<>();
      Deque<Integer> inFlightShards = new ArrayDeque<>();
      int submitted = 0;
      int pendingSequences = 0;
      while (submitted < todo.size() || !inFlight.isEmpty()) {
        while (submitted < todo.size()
            && (inFlight.isEmpty() || pendingSequences < maxInFlight)) {
          int k = todo.get(submitted++);
          List<Future<SequenceColumns>> fs = new ArrayList<>();
          int first = k * settings.shardSequences();
          int end = Math.min(settings.sequences(), first + settings.shardSequences());
          for (int i = first; i < end; i++) {
            int index = i;
            fs.add(pool.submit(() -> synth.synthesize(index, progress::rows)));
          }
          inFlight.addLast(fs);
          inFlightShards.addLast(k);
          pendingSequences += fs.size();
        }
        List<Future<SequenceColumns>> fs = inFlight.removeFirst();
        int k = inFlightShards.removeFirst();
        List<SequenceColumns> sequences = new ArrayList<>(fs.size());
        for (Future<SequenceColumns> f : fs) {
          sequences.add(DatasetDirectory.await(f));
        }
        pendingSequences -= fs.size();
        ShardEntry entry = ShardWriter.write(outDir.resolve(ShardEntry.fileName(k)), k, sequences,
            metadata);
        sequences.clear();
        done.put(k, entry);
        manifest = manifest.with(new ArrayList<>(done.values()), false, null, seconds(t0));
        manifest.write(outDir);
        progress.shardWritten(entry);
      }
    } finally {
      pool.shutdownNow();
    }
    manifest = manifest.with(new ArrayList<>(done.values()), true, Instant.now().toString(),
        seconds(t0));
    manifest.write(outDir);
    progress.finished(manifest);
    return manifest;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
