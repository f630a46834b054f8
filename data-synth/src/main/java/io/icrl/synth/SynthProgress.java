package io.icrl.synth;

import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardEntry;

/**
 * Progress callbacks of a {@link SynthJob}. {@link #rows} is called from worker threads (keep it
 * thread-safe and cheap); the others from the job's thread. An exception thrown by a callback
 * aborts the job (already written shards stay valid and a rerun resumes).
 */
public interface SynthProgress {
  /** No-op progress. */
  SynthProgress NONE = new SynthProgress() {};

  /** The job starts: {@code totalRows} in all, {@code doneRows} already on disk (resume). */
  default void started(long totalRows, long doneRows, int threads) {}

  /** {@code rows} more rows were generated. */
  default void rows(long rows) {}

  /** A shard was written and listed in the manifest. */
  default void shardWritten(ShardEntry shard) {}

  /** The dataset is complete. */
  default void finished(Manifest manifest) {}
}
