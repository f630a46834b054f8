package io.icrl.eval.task;

import io.icrl.eval.context.EpisodePolicy;
import io.icrl.tasks.env.DiscreteEnv;
import java.util.SplittableRandom;

/** Monte Carlo estimates of a policy's mean episode return on an environment. */
public final class MonteCarlo {
  private MonteCarlo() {}

  /** The mean true return of {@code episodes} episodes of {@code policy}. */
  public static double meanReturn(DiscreteEnv env, long envSeed, EpisodePolicy policy,
      int episodes, SplittableRandom rng) {
    double sum = 0;
    for (int e = 0; e < episodes; e++) {
      int s = e == 0 ? env.reset(envSeed) : env.reset();
      for (int t = 0; ; t++) {
        s = env.step(policy.action(s, t, rng));
        sum += env.reward();
        if (env.terminated() || env.truncated()) {
          break;
        }
      }
    }
    return sum / episodes;
  }
}
