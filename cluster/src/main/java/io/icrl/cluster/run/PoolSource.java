package io.icrl.cluster.run;

import io.icrl.synth.format.SequenceEntry;
import io.icrl.synth.format.ShardFile;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.TrainingTasks;
import io.icrl.synth.format.WindowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sequences of a fixed set of shards of one dataset as a {@link WindowSource}: what the
 * learner samples from between two refreshes of a {@link RefreshingPool}. Sequence i of the
 * source is batch {@code batchOf[i]} of shard {@code shardOf[i]}, shards in the order given;
 * {@code StepWindow.sequence} is set to the sequence's index in the dataset. Immutable and safe
 * for concurrent reads (the shards are memory-mapped).
 */
final class PoolSource implements WindowSource {
  private final String id;
  private final Optional<TrainingTasks> tasks;
  private final List<ShardFile> shards;
  private final ShardFile[] shardOf;
  private final int[] batchOf;
  private final int[] datasetIndex;
  private final long[] rows;
  private final int maxStates;
  private final int maxActions;

  PoolSource(String id, Optional<TrainingTasks> tasks, List<ShardFile> shards) {
    this.id = id;
    this.tasks = tasks;
    this.shards = List.copyOf(shards);
    List<ShardFile> owner = new ArrayList<>();
    List<Integer> batch = new ArrayList<>();
    int s = 0;
    int a = 0;
    for (ShardFile f : this.shards) {
      for (int b = 0; b < f.sequenceCount(); b++) {
        owner.add(f);
        batch.add(b);
      }
      s = Math.max(s, f.maxStates());
      a = Math.max(a, f.maxActions());
    }
    int n = owner.size();
    shardOf = owner.toArray(new ShardFile[0]);
    batchOf = new int[n];
    datasetIndex = new int[n];
    rows = new long[n];
    for (int i = 0; i < n; i++) {
      batchOf[i] = batch.get(i);
      SequenceEntry e = shardOf[i].sequences().get(batchOf[i]);
      datasetIndex[i] = e.sequence();
      rows[i] = shardOf[i].sequenceLength(batchOf[i]);
    }
    maxStates = s;
    maxActions = a;
  }

  /** The shards of the pool, in pool order. */
  List<ShardFile> shards() {
    return shards;
  }

  @Override
  public String datasetId() {
    return id;
  }

  @Override
  public int sequenceCount() {
    return shardOf.length;
  }

  @Override
  public long sequenceLength(int seq) {
    return rows[seq];
  }

  @Override
  public int maxStates() {
    return maxStates;
  }

  @Override
  public int maxActions() {
    return maxActions;
  }

  @Override
  public void read(int seq, long start, int length, StepWindow out) {
    if (seq < 0 || seq >= shardOf.length) {
      throw new IndexOutOfBoundsException("sequence " + seq + " not in [0, " + shardOf.length
          + ")");
    }
    shardOf[seq].read(batchOf[seq], start, length, out);
    out.sequence = datasetIndex[seq];
  }

  @Override
  public Optional<TrainingTasks> trainingTasks() {
    return tasks;
  }
}
