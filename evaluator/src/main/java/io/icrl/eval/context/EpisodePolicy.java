package io.icrl.eval.context;

import io.icrl.tasks.solve.FiniteHorizonPolicy;
import java.util.SplittableRandom;

/**
 * A behavior policy for rolling out context data: an action from the state and the number of steps
 * already taken in the episode (time-dependent optima need it).
 */
@FunctionalInterface
public interface EpisodePolicy {
  int action(int state, int elapsedSteps, SplittableRandom rng);

  /** The uniformly random policy over {@code actions} actions. */
  static EpisodePolicy random(int actions) {
    return (s, t, rng) -> rng.nextInt(actions);
  }

  /** The time-dependent optimum. */
  static EpisodePolicy optimal(FiniteHorizonPolicy policy) {
    return (s, t, rng) -> policy.action(s, t);
  }

  /** With probability {@code epsilon} a uniformly random action, otherwise {@code base}'s. */
  static EpisodePolicy noisy(EpisodePolicy base, double epsilon, int actions) {
    return (s, t, rng) -> rng.nextDouble() < epsilon ? rng.nextInt(actions)
        : base.action(s, t, rng);
  }
}
