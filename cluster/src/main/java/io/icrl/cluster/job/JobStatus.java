package io.icrl.cluster.job;

import io.icrl.cluster.serialization.ClusterMessage;
import java.util.List;

/**
 * A snapshot of a job's progress as the coordinator sees it.
 *
 * @param errors the last few unit errors ("unitId: message"), newest last
 */
public record JobStatus(String jobId, String kind, JobState state, int total, int pending,
    int running, int done, int failed, long steps, long bytes, List<String> errors)
    implements ClusterMessage {
  public JobStatus {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** The status of a job the coordinator does not know. */
  public static JobStatus unknown(String jobId) {
    return new JobStatus(jobId, "", JobState.UNKNOWN, 0, 0, 0, 0, 0, 0, 0, List.of());
  }

  /** One human-readable line. */
  public String summary() {
    return String.format("job %s (%s): %s, %d/%d units done, %d running, %d pending, %d failed,"
        + " %d steps, %d bytes", jobId, kind, state.label(), done, total, running, pending,
        failed, steps, bytes);
  }
}
