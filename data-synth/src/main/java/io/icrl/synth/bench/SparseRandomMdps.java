package io.icrl.synth.bench;

import io.icrl.core.Seeds;
import io.icrl.tasks.TabularTask;
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.util.SplittableRandom;

/**
 * A small random-MDP family, {@code sparse-random:states=S,actions=A,seed=K[,noise=X]}, for
 * benchmarks and tests that must not depend on the anymdp generator. Each (s, a) leads to 1..3
 * random next states with random probabilities and small random rewards; the last state is a goal
 * (entering it pays 1 and terminates); episodes start in state 0 and are truncated after {@code 2S}
 * steps. {@code noise} is the reward noise standard deviation (default 0).
 */
public final class SparseRandomMdps {
  /** The family name. */
  public static final String NAME = "sparse-random";

  private SparseRandomMdps() {}

  /** Registers the family in {@code registry}. */
  public static TaskRegistry register(TaskRegistry registry) {
    return registry.register(NAME, SparseRandomMdps::make);
  }

  /** A registry with only this family. */
  public static TaskRegistry registry() {
    return register(new TaskRegistry());
  }

  private static TabularTask make(TaskParams p) {
    int states = p.getPositiveInt("states", 16);
    int actions = p.getPositiveInt("actions", 5);
    long seed = p.getLong("seed", 0);
    double noise = p.getDouble("noise", 0.0);
    return new TabularTask(p.id(), generate(states, actions, seed, noise).withName(p.id()));
  }

  /** Generates the MDP of {@code seed}. */
  public static TabularMdp generate(int states, int actions, long seed, double noise) {
    SplittableRandom rng = Seeds.rng(seed, NAME, states * 131L + actions);
    TabularMdpBuilder b = TabularMdp.builder(states, actions).name(NAME)
        .maxEpisodeSteps(2 * states).start(0, 1.0);
    int goal = states - 1;
    if (states > 1) {
      b.kind(goal, StateKind.GOAL);
    }
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < actions; a++) {
        int k = 1 + rng.nextInt(3);
        double[] w = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++) {
          w[i] = 0.05 + rng.nextDouble();
          total += w[i];
        }
        for (int i = 0; i < k; i++) {
          int next = rng.nextInt(states);
          boolean toGoal = states > 1 && next == goal && s != goal;
          double r = toGoal ? 1.0 : 0.1 * (rng.nextDouble() - 0.5);
          b.outcome(s, a, next, w[i] / total, r, noise, toGoal || s == goal);
        }
      }
    }
    return b.build();
  }
}
