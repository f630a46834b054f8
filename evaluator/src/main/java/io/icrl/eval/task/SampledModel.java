package io.icrl.eval.task;

import io.icrl.core.InvalidInputException;
import io.icrl.eval.context.EpisodePolicy;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import io.icrl.tasks.solve.FiniteHorizonPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Estimates a tabular MDP of a discrete task that has no exact model (the discretized
 * Pendulum-v1 and MountainCar-v0) by sampling its environment.
 *
 * <p>Episodes are collected in rounds. The first round acts uniformly at random; each later round
 * follows the finite-horizon optimum of an optimistic model (R-max style: a state-action pair never
 * tried is a self-loop paying {@code max(largest observed reward, 0) + max(reward range, 1)} per
 * step, more than any tried pair) with 10% random
 * actions, so the sampling reaches the parts of the state space random play does not. The final
 * model holds the empirical outcome frequencies (next state and termination) and mean rewards of
 * every tried pair; untried pairs become pessimistic self-loops paying the smallest observed
 * reward, so a policy solved on the model avoids them. Starts follow the observed reset states.
 */
public final class SampledModel {
  private static final double EXPLORE = 0.1;

  private final int states;
  private final int actions;
  private final int horizon;
  private final List<Map<Long, double[]>> outcomes; // per (s,a): s'*2+term -> {count, reward sum}
  private final long[] tries;
  private final long[] startCounts;
  private double minReward = Double.POSITIVE_INFINITY;
  private double maxReward = Double.NEGATIVE_INFINITY;

  private SampledModel(int states, int actions, int horizon) {
    this.states = states;
    this.actions = actions;
    this.horizon = horizon;
    this.outcomes = new ArrayList<>(Collections.nCopies(states * actions, null));
    this.tries = new long[states * actions];
    this.startCounts = new long[states];
  }

  /**
   * Samples {@code episodes} episodes in {@code rounds} rounds and returns the estimated model.
   *
   * @param env the task's environment (reset with {@code envSeed}, then continuing its stream)
   * @param name the name of the estimated MDP
   */
  public static TabularMdp estimate(DiscreteEnv env, String name, int episodes, int rounds,
      long envSeed, SplittableRandom rng) {
    if (episodes < 1 || rounds < 1) {
      throw new InvalidInputException("model estimation of " + name + ": episodes and rounds must"
          + " be positive, got " + episodes + " and " + rounds);
    }
    int horizon = env.maxEpisodeSteps();
    if (horizon == Integer.MAX_VALUE) {
      throw new InvalidInputException(name + " has no step limit; its model cannot be estimated");
    }
    SampledModel m = new SampledModel(env.observationCount(), env.actionCount(), horizon);
    int perRound = Math.max(1, episodes / rounds);
    int done = 0;
    boolean first = true;
    for (int r = 0; r < rounds && done < episodes; r++) {
      EpisodePolicy behavior = EpisodePolicy.random(m.actions);
      if (r > 0) {
        FiniteHorizonPolicy plan = FiniteHorizonPolicy.solve(m.build(name, true));
        behavior = EpisodePolicy.noisy(EpisodePolicy.optimal(plan), EXPLORE, m.actions);
      }
      int n = r == rounds - 1 ? episodes - done : Math.min(perRound, episodes - done);
      for (int e = 0; e < n; e++) {
        int s = first ? env.reset(envSeed) : env.reset();
        first = false;
        m.startCounts[s]++;
        for (int t = 0; ; t++) {
          int a = behavior.action(s, t, rng);
          int next = env.step(a);
          m.record(s, a, next, env.terminated(), env.reward());
          s = next;
          if (env.terminated() || env.truncated()) {
            break;
          }
        }
      }
      done += n;
    }
    return m.build(name, false);
  }

  private void record(int s, int a, int next, boolean terminated, double reward) {
    int row = s * actions + a;
    if (outcomes.get(row) == null) {
      outcomes.set(row, new HashMap<>());
    }
    double[] acc = outcomes.get(row).computeIfAbsent(2L * next + (terminated ? 1 : 0),
        k -> new double[2]);
    acc[0]++;
    acc[1] += reward;
    tries[row]++;
    minReward = Math.min(minReward, reward);
    maxReward = Math.max(maxReward, reward);
  }

  private TabularMdp build(String name, boolean optimistic) {
    TabularMdpBuilder b = TabularMdp.builder(states, actions).name(name).maxEpisodeSteps(horizon);
    double untried;
    if (!Double.isFinite(maxReward)) {
      untried = optimistic ? 1 : 0;
    } else if (optimistic) {
      untried = Math.max(maxReward, 0) + Math.max(maxReward - minReward, 1);
    } else {
      untried = minReward;
    }
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < actions; a++) {
        int row = s * actions + a;
        if (tries[row] == 0) {
          b.outcome(s, a, s, 1.0, untried, false);
          continue;
        }
        // Deterministic order of outcomes: by key.
        long[] keys = outcomes.get(row).keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        double total = tries[row];
        for (long key : keys) {
          double[] acc = outcomes.get(row).get(key);
          b.outcome(s, a, (int) (key >> 1), acc[0] / total, acc[1] / acc[0], (key & 1) == 1);
        }
      }
    }
    long starts = 0;
    for (long c : startCounts) {
      starts += c;
    }
    for (int s = 0; s < states; s++) {
      b.start(s, starts == 0 ? 1.0 / states : startCounts[s] / (double) starts);
    }
    return b.build();
  }
}
