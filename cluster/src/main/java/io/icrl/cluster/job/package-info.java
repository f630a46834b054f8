/**
 * Distributed jobs: a {@link io.icrl.cluster.job.Coordinator} (cluster singleton) splits a job
 * into work units (ranges of task seeds x sequences) and hands them to {@link
 * io.icrl.cluster.job.Worker}s that pull one unit at a time and run it with a pluggable {@link
 * io.icrl.cluster.job.UnitExecutor}. Unit states are recorded in a crash-safe JSON manifest.
 */
package io.icrl.cluster.job;
