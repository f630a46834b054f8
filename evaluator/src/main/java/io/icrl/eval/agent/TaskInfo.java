package io.icrl.eval.agent;

/**
 * What an agent may know about the task it is evaluated on: its id and the sizes of its spaces.
 * Nothing about the dynamics.
 *
 * @param id the task id
 * @param states size of the observation space
 * @param actions size of the action space
 * @param maxEpisodeSteps the step limit after which an episode is truncated
 */
public record TaskInfo(String id, int states, int actions, int maxEpisodeSteps) {}
