package io.icrl.cluster.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.core.InvalidInputException;
import io.icrl.learner.train.DataRefresh;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardEntry;
import io.icrl.synth.format.ShardFile;
import io.icrl.synth.format.TrainingTasks;
import io.icrl.synth.format.WindowSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The learner's training data while synthesis still streams shards into the dataset directory: a
 * bounded pool of at most {@code maxShards} shards (0 = unbounded), the most recent arrivals.
 * Before every training step ({@link #before}) the pool looks at the dataset's {@code
 * manifest.json} (one file-attribute read; the manifest is parsed only when it was replaced): every
 * newly listed shard is opened (fully verified) and joins the pool, and the oldest shards leave it
 * so that it never holds more than {@code maxShards}. Shards that leave the pool stay on disk: the
 * dataset stays complete and identical to what {@code icrl synth} writes.
 *
 * <p>When the pool is (re)built from disk ({@link #open}), arrival order is not known and the
 * shards with the highest indices count as the most recent (synthesis units are handed out in
 * index order). Every change is appended to {@code log} (JSON lines: step, pool shards, shards
 * stored, whether the dataset is complete) and to {@code icrl_learner_pool_shards} / {@code
 * icrl_learner_pool_refreshes_total}.
 *
 * <p>The pool's {@link WindowSource#datasetId()} is {@value #ID_PREFIX} plus the dataset's
 * settings fingerprint: stable while shards arrive, so checkpoints of an overlapped run resume on
 * the same dataset. What the learner samples depends on when shards arrived, so an overlapped run
 * is not bit-reproducible. Used on the training thread only.
 */
public final class RefreshingPool implements DataRefresh {
  /** Prefix of the pool's dataset id. */
  public static final String ID_PREFIX = "refreshing-pool:";
  /** The refresh log's file name in the training directory. */
  public static final String LOG = "pool.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A shard in the pool. */
  private record Member(int shard, ShardFile file) {}

  private final Path dir;
  private final Path manifestFile;
  private final int maxShards;
  private final int minShards;
  private final IcrlMetrics metrics;
  private final Path log;
  private final String id;
  private final Optional<TrainingTasks> tasks;
  private final ArrayDeque<Member> pool = new ArrayDeque<>();
  private final Set<Integer> seen = new HashSet<>();
  private PoolSource source;
  private Object lastKey;
  private boolean complete;
  private int stored;
  private long refreshes;

  private RefreshingPool(Path dir, int minShards, int maxShards, IcrlMetrics metrics, Path log,
      Manifest m) {
    this.dir = dir;
    this.manifestFile = dir.resolve(Manifest.FILE);
    this.minShards = minShards;
    this.maxShards = maxShards;
    this.metrics = metrics;
    this.log = log;
    this.id = ID_PREFIX + m.settingsFingerprint();
    this.tasks = TrainingTasks.of(m);
  }

  /**
   * Builds the pool from the shards the dataset in {@code dir} lists now (the highest indices,
   * at most {@code maxShards}).
   *
   * @param minShards shards the dataset must list (or be complete), else the pool refuses to start
   * @param log the refresh log to append to
   * @throws InvalidInputException if the directory holds no dataset, too few shards, or a shard
   *     that does not verify
   */
  public static RefreshingPool open(Path dir, int minShards, int maxShards, IcrlMetrics metrics,
      Path log) throws IOException {
    Manifest m = Manifest.read(dir);
    RefreshingPool p = new RefreshingPool(dir, minShards, maxShards, metrics, log, m);
    if (m.shards().size() < minShards && !m.complete()) {
      throw new InvalidInputException("dataset " + dir + " lists " + m.shards().size()
          + " shards; training on a refreshing pool needs at least icrl.cluster.run.pool"
          + ".min-shards = " + minShards + " (or a complete dataset)");
    }
    if (m.shards().isEmpty()) {
      throw new InvalidInputException("dataset " + dir + " has no shards to train on");
    }
    p.lastKey = p.fileKey();
    p.take(m, "start", 0);
    return p;
  }

  /** The pool as a window source now. */
  public WindowSource source() {
    return source;
  }

  /** Dataset indices of the shards in the pool, oldest first. */
  public List<Integer> shards() {
    List<Integer> out = new ArrayList<>();
    for (Member m : pool) {
      out.add(m.shard());
    }
    return out;
  }

  /** Whether the dataset was complete at the last look. */
  public boolean datasetComplete() {
    return complete;
  }

  @Override
  public WindowSource before(long step, WindowSource current) {
    if (complete) {
      return source;
    }
    try {
      Object key = fileKey();
      if (key.equals(lastKey)) {
        return source;
      }
      lastKey = key;
      take(Manifest.read(dir), "refresh", step);
      return source;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh the training pool from " + dir, e);
    }
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "refreshing-pool");
    m.put("data", dir.toAbsolutePath().toString());
    m.put("min-shards", minShards);
    m.put("max-shards", maxShards);
    m.put("log", LOG);
    m.put("bit-reproducible", false);
    m.put("note", "batches were drawn from the most recent shards that had arrived while"
        + " synthesis ran; the sequence of pools is in " + LOG);
    return m;
  }

  /** Adds the shards of {@code m} not seen yet (index order), drops the oldest beyond the bound. */
  private void take(Manifest m, String event, long step) throws IOException {
    List<ShardEntry> fresh = new ArrayList<>();
    for (ShardEntry e : m.shards()) {
      if (!seen.contains(e.shard())) {
        fresh.add(e);
      }
    }
    fresh.sort(Comparator.comparingInt(ShardEntry::shard));
    if (maxShards > 0 && fresh.size() > maxShards) {
      for (ShardEntry e : fresh.subList(0, fresh.size() - maxShards)) {
        seen.add(e.shard()); // would leave the pool at once: not even opened
      }
      fresh = fresh.subList(fresh.size() - maxShards, fresh.size());
    }
    for (ShardEntry e : fresh) {
      pool.addLast(new Member(e.shard(), ShardFile.open(dir.resolve(e.file()), e, true)));
      seen.add(e.shard());
      if (maxShards > 0 && pool.size() > maxShards) {
        pool.removeFirst();
      }
    }
    complete = m.complete();
    stored = m.shards().size();
    if (!fresh.isEmpty() || source == null) {
      source = new PoolSource(id, tasks, pool.stream().map(Member::file).toList());
      refreshes += event.equals("start") ? 0 : 1;
      metrics.learnerPoolShards().set(pool.size());
      if (!event.equals("start")) {
        metrics.learnerPoolRefreshes().inc();
      }
      append(event, step);
    }
  }

  private void append(String event, long step) throws IOException {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("event", event);
    o.put("step", step);
    o.put("pool", shards());
    o.put("sequences", source.sequenceCount());
    o.put("stored", stored);
    o.put("complete", complete);
    o.put("time", Instant.now().toString());
    Files.createDirectories(log.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write(JSON.writeValueAsString(o));
      w.newLine();
    }
  }

  /** Identity of the manifest file now: it is replaced atomically, so a new one is a new file. */
  private Object fileKey() throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(manifestFile, BasicFileAttributes.class);
      return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("dataset " + dir + " lost its " + Manifest.FILE, e);
    }
  }

  /** How many times shards joined the pool after it was built. */
  long refreshes() {
    return refreshes;
  }
}
