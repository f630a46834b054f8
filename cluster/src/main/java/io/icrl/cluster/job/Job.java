package io.icrl.cluster.job;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The coordinator's bookkeeping of one job: its units by id (in split order), the queue of
 * pending unit ids, counts per unit state, recent errors and who waits for the job to end.
 */
final class Job {
  private static final int MAX_ERRORS = 10;

  final JobSpec spec;
  final Map<String, UnitRecord> units = new LinkedHashMap<>();
  final ArrayDeque<String> queue = new ArrayDeque<>();
  final List<ActorRef<JobStatus>> waiters = new ArrayList<>();
  final Path manifest;
  JobState state = JobState.RUNNING;
  private final EnumMap<UnitState, Integer> counts = new EnumMap<>(UnitState.class);
  private final ArrayDeque<String> errors = new ArrayDeque<>();
  private long steps;
  private long bytes;

  Job(JobSpec spec, Path manifest) {
    this.spec = spec;
    this.manifest = manifest;
    for (UnitState s : UnitState.values()) {
      counts.put(s, 0);
    }
    for (WorkUnit u : WorkSplitter.split(spec)) {
      units.put(u.unitId(), new UnitRecord(u));
      queue.addLast(u.unitId());
    }
    counts.put(UnitState.PENDING, units.size());
  }

  /** Moves a unit to another state, keeping counts and totals right. */
  void transition(UnitRecord r, UnitState to) {
    counts.merge(r.state, -1, Integer::sum);
    counts.merge(to, 1, Integer::sum);
    if (to == UnitState.DONE && r.state != UnitState.DONE && r.result != null) {
      steps += r.result.steps();
      bytes += r.result.bytes();
    }
    r.state = to;
  }

  int count(UnitState s) {
    return counts.get(s);
  }

  void error(String unitId, String message) {
    errors.addLast(unitId + ": " + message);
    while (errors.size() > MAX_ERRORS) {
      errors.removeFirst();
    }
  }

  /** If no unit is pending or running, ends the job; returns whether it just ended. */
  boolean settle() {
    if (state != JobState.RUNNING || count(UnitState.PENDING) + count(UnitState.RUNNING) > 0) {
      return false;
    }
    state = count(UnitState.FAILED) > 0 ? JobState.FAILED : JobState.COMPLETED;
    return true;
  }

  JobStatus status() {
    return new JobStatus(spec.jobId(), spec.kind(), state, units.size(), count(UnitState.PENDING),
        count(UnitState.RUNNING), count(UnitState.DONE), count(UnitState.FAILED), steps, bytes,
        List.copyOf(errors));
  }
}
