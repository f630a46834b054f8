/**
 * The {@code icrl run} pipeline on a cluster: a job config becomes three coordinator jobs (synth
 * units = dataset shards streamed to the learner, one train unit, one eval unit), executed by the
 * workers {@link io.icrl.cluster.run.RunRoles} installs on nodes by role, and driven stage by stage
 * by {@link io.icrl.cluster.run.RunDriver}.
 */
package io.icrl.cluster.run;
