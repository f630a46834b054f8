package io.icrl.eval.context;

import io.icrl.synth.format.Tag;
import io.icrl.tasks.env.DiscreteEnv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Rolls out context data: whole episodes of a behavior policy on a task's environment. */
public final class ContextData {
  private ContextData() {}

  /**
   * Rolls out {@code episodes} episodes of {@code policy} on {@code env} (reset with {@code
   * envSeed}, then continuing its stream), drawing the policy's randomness from {@code rng}.
   */
  public static List<ContextEpisode> rollouts(DiscreteEnv env, long envSeed, EpisodePolicy policy,
      int episodes, Tag tag, SplittableRandom rng) {
    List<ContextEpisode> out = new ArrayList<>(episodes);
    int cap = Math.min(env.maxEpisodeSteps(), 1 << 16);
    int[] states = new int[cap];
    int[] actions = new int[cap];
    double[] rewards = new double[cap];
    int s = env.reset(envSeed);
    for (int e = 0; e < episodes; e++) {
      if (e > 0) {
        s = env.reset();
      }
      int t = 0;
      while (true) {
        if (t == states.length) {
          states = Arrays.copyOf(states, 2 * t);
          actions = Arrays.copyOf(actions, 2 * t);
          rewards = Arrays.copyOf(rewards, 2 * t);
        }
        int a = policy.action(s, t, rng);
        states[t] = s;
        actions[t] = a;
        s = env.step(a);
        rewards[t] = env.reward();
        t++;
        if (env.terminated() || env.truncated()) {
          break;
        }
      }
      out.add(new ContextEpisode(Arrays.copyOf(states, t), Arrays.copyOf(actions, t),
          Arrays.copyOf(rewards, t), s, env.terminated(), env.truncated(), tag));
    }
    return out;
  }

  /** The mean true return of the episodes (0 for none). */
  public static double meanReturn(List<ContextEpisode> episodes) {
    double sum = 0;
    for (ContextEpisode e : episodes) {
      sum += e.trueReturn();
    }
    return episodes.isEmpty() ? 0 : sum / episodes.size();
  }
}
