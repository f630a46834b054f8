package io.icrl.cluster.job;

/**
 * Runs one work unit on a worker node (e.g. data-synth's rollouts for the unit's seed x sequence
 * range). Called on a blocking-I/O thread; may take minutes. Must be deterministic in the unit
 * (a re-issued unit produces the same outputs) and overwrite partial outputs of an earlier
 * attempt. Throwing fails the attempt; the coordinator retries it up to the job's max attempts.
 */
@FunctionalInterface
public interface UnitExecutor {
  UnitResult execute(WorkUnit unit) throws Exception;
}
