package io.icrl.synth.behavior;

import io.icrl.tasks.env.TabularEnv;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizon;
import java.util.function.IntConsumer;

/** Test helper: runs a policy on an MDP and feeds every transition to observers. */
final class Runs {
  private Runs() {}

  /** Runs {@code steps} transitions; {@code perStep} sees each action's tag. */
  static void run(TabularMdp mdp, BehaviorPolicy policy, int steps, long seed, IntConsumer tags,
      TransitionObserver... learners) {
    TabularEnv env = new TabularEnv(mdp);
    int s = env.reset(seed);
    int episode = 0;
    policy.episodeStart(0, 0);
    for (int i = 0; i < steps; i++) {
      int a = policy.act(s);
      tags.accept(policy.tag());
      int next = env.step(a);
      for (TransitionObserver l : learners) {
        l.observe(s, a, env.reward(), next, env.terminated(), env.truncated());
      }
      policy.observe(s, a, env.reward(), next, env.terminated(), env.truncated());
      if (env.terminated() || env.truncated()) {
        s = env.reset();
        policy.episodeStart(++episode, i + 1);
      } else {
        s = next;
      }
    }
  }

  /** (return - random) / (optimal - random) of a deterministic policy within the step limit. */
  static double normalizedScore(TabularMdp mdp, int[] policy) {
    double opt = FiniteHorizon.optimalReturn(mdp);
    double rnd = FiniteHorizon.randomReturn(mdp);
    return (FiniteHorizon.evaluate(mdp, policy) - rnd) / (opt - rnd);
  }
}
