package io.icrl.cluster.job;

import io.icrl.cluster.serialization.ClusterMessage;

/**
 * One unit of a job: task seeds {@code [seedStart, seedEnd)} times sequences {@code
 * [sequenceStart, sequenceEnd)}. Its id is unique within the job and stable across re-issues;
 * {@code attempt} counts hand-outs (1 for the first).
 */
public record WorkUnit(String jobId, String unitId, String kind, long seedStart, long seedEnd,
    int sequenceStart, int sequenceEnd, int attempt, String outputDir, String payload)
    implements ClusterMessage {

  /** The same unit handed out for the {@code n}-th time. */
  public WorkUnit withAttempt(int n) {
    return new WorkUnit(jobId, unitId, kind, seedStart, seedEnd, sequenceStart, sequenceEnd, n,
        outputDir, payload);
  }

  /** Number of (seed, sequence) cells in the unit. */
  public long cells() {
    return (seedEnd - seedStart) * (long) (sequenceEnd - sequenceStart);
  }
}
