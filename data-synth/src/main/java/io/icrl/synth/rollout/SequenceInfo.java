package io.icrl.synth.rollout;

/**
 * What one sequence was generated from and how: recorded per sequence in each shard's metadata
 * and in the manifest.
 *
 * @param sequence the sequence index in the dataset
 * @param taskId the task id it ran on (recreates the task through the task registry)
 * @param taskSeed the task's seed (within the configured task seed range)
 * @param states number of states of the task
 * @param actions number of actions of the task
 * @param rows number of rows
 * @param episodes number of episodes started (the last one may be cut by the sequence end)
 * @param initialBehavior the behavior the sequence started with ({@code BehaviorKind} key)
 * @param switching whether the behavior could switch at episode ends
 * @param switches how many times it did
 * @param tagsMasked whether every tag of the sequence was masked to unk
 */
public record SequenceInfo(int sequence, String taskId, long taskSeed, int states, int actions,
    int rows, int episodes, String initialBehavior, boolean switching, int switches,
    boolean tagsMasked) {}
