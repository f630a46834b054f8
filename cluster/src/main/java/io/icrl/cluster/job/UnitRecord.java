package io.icrl.cluster.job;

/** The coordinator's mutable record of one unit of a job. */
final class UnitRecord {
  final WorkUnit unit;
  UnitState state = UnitState.PENDING;
  int attempts;
  String worker = "";
  UnitResult result;
  String error = "";
  long assignedNanos;

  UnitRecord(WorkUnit unit) {
    this.unit = unit;
  }

  String id() {
    return unit.unitId();
  }
}
