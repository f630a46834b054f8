/**
 * Streaming of synthesized trajectory shards from synth workers to learner nodes: Arrow IPC files
 * cut into chunks that fit a remoting frame, sent over Pekko StreamRefs with demand signalling
 * (backpressure), deduplicated and stored crash-safely by the learner's {@link
 * io.icrl.cluster.stream.ShardIngest} into a dataset directory that {@code icrl synth} would have
 * written byte for byte.
 */
package io.icrl.cluster.stream;
