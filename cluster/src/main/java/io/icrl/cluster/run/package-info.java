/**
 * The {@code icrl run} pipeline on a cluster: a job config becomes coordinator jobs (synth units =
 * dataset shards streamed to the learner, one train unit, one eval unit, plus one eval unit per
 * evaluated intermediate checkpoint that the learner submits), executed by the workers {@link
 * io.icrl.cluster.run.RunRoles} installs on nodes by role, and driven by {@link
 * io.icrl.cluster.run.RunDriver}. Overlapped training samples from a {@link
 * io.icrl.cluster.run.RefreshingPool} of the most recent shards while synthesis still runs.
 */
package io.icrl.cluster.run;
