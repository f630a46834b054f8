/**
 * Short benchmarks of the task pipeline ({@link io.icrl.tasks.bench.TaskBench}): task sampling,
 * solving and environment stepping rates, measured once on demand, never in unit tests.
 */
package io.icrl.tasks.bench;
