/**
 * Gymnasium-like tasks with Gymnasium's exact dynamics: FrozenLake, CliffWalking and Taxi as exact
 * tabular MDPs (outcome for outcome as Gymnasium's {@code P} tables), Pendulum and MountainCar as
 * continuous environments, OmniRL's discretized versions of the latter, the registration of their
 * ids ({@link io.icrl.tasks.gym.GymTasks}) and rollout replay ({@link io.icrl.tasks.gym.Replay}).
 */
package io.icrl.tasks.gym;
