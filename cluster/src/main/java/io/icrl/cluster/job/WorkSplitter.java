package io.icrl.cluster.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a job into units: seed chunks (outer) x sequence chunks (inner), ids {@code u000000},
 * {@code u000001}, ... in that order, so the same spec always yields the same units.
 */
public final class WorkSplitter {
  private WorkSplitter() {}

  /** The units of {@code spec}, attempt 0 (not yet handed out). */
  public static List<WorkUnit> split(JobSpec spec) {
    List<WorkUnit> units = new ArrayList<>(spec.unitCount());
    long seedEndAll = spec.seedStart() + spec.seedCount();
    for (long s = spec.seedStart(); s < seedEndAll; s += spec.seedsPerUnit()) {
      long sEnd = Math.min(seedEndAll, s + spec.seedsPerUnit());
      for (int q = 0; q < spec.sequencesPerTask(); q += spec.sequencesPerUnit()) {
        int qEnd = Math.min(spec.sequencesPerTask(), q + spec.sequencesPerUnit());
        units.add(new WorkUnit(spec.jobId(), unitId(units.size()), spec.kind(), s, sEnd, q, qEnd,
            0, spec.outputDir(), spec.payload()));
      }
    }
    return units;
  }

  /** The id of the {@code index}-th unit. */
  public static String unitId(int index) {
    return String.format("u%06d", index);
  }
}
