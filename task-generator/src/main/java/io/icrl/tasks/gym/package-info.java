/**
 * Gymnasium-like tasks with Gymnasium's exact dynamics: FrozenLake, CliffWalking and Taxi as exact
 * tabular MDPs (outcome for outcome as Gymnasium's {@code P} tables), Pendulum and MountainCar as
 * continuous environments, OmniRL's discretized versions of the latter, the registration of their
 * ids ({@link io.icrl.tasks.gym.GymTasks}) and rollout replay ({@link io.icrl.tasks.gym.Replay}).
 *
 * <p>One deliberate difference from Gymnasium's TimeLimit wrapper: when the last allowed step also
 * terminates, Gymnasium reports both flags, while these environments (like {@link
 * io.icrl.tasks.env.TabularEnv}) report {@code terminated} only, as the {@link
 * io.icrl.tasks.env.DiscreteEnv} contract says.
 */
package io.icrl.tasks.gym;
