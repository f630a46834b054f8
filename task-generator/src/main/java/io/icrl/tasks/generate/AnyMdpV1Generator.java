package io.icrl.tasks.generate;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code anymdp-v1}: the earlier, geometric AnyMDP sampler that OmniRL's first release used
 * (Xenoverse {@code xenoverse/anymdp/task_sampler.py} at commit 6807357, April 2025, the last
 * stable version before the banded sampler of {@link AnyMdpGenerator} replaced it), reimplemented
 * to be exactly reproducible.
 *
 * <p>Parameters and their fixed defaults (part of this versioned definition): {@code states} = 128
 * (1, a bandit, or at least 3), {@code actions} = 5, {@code seed} = 0. Xenoverse's other knobs are
 * fixed at its defaults: 4 visits per state for the step limit, neighbourhoods of up to 8 states,
 * 50 tries for transitions and for rewards, quality thresholds 0.55 and 0.
 *
 * <p>Algorithm ({@link AnyMdpV1Transitions}, {@link AnyMdpV1Rewards}):
 *
 * <ol>
 *   <li>Stream {@code Seeds.rng(seed, "anymdp-v1-frame", 0)}: the step limit {@code max(floor(Exp(4
 *       n)), 4 n)}, then a random relabelling of the states.
 *   <li>Transition tries {@code i = 0..49}, each from {@code Seeds.rng(seed,
 *       "anymdp-v1-transition", i)}, until one reaches quality 0.55; the best is kept.
 *   <li>Reward tries {@code j = 0..49} on those transitions, each from {@code Seeds.rng(seed,
 *       "anymdp-v1-reward", j)}, until one reaches quality 0; the best is kept (if all score the
 *       floor -100, the first; Python would fail there).
 * </ol>
 *
 * <p>Episodes start uniformly in the start states and end on entering a goal or pitfall (the reset
 * triggers). A bandit (1 state) has per-action rewards and runs to the step limit, as in v1.
 */
public final class AnyMdpV1Generator implements TaskGenerator {
  public static final String NAME = "anymdp-v1";
  public static final int DEFAULT_STATES = 128;
  public static final int DEFAULT_ACTIONS = 5;
  public static final int MAX_STATES = 4096;

  private static final int TRIES = 50;
  private static final double TRANSITION_QUALITY = 0.55;
  private static final double REWARD_QUALITY = 0.0;
  private static final int VISITS_PER_STATE = 4;

  private static final List<ParameterDoc> PARAMS = List.of(
      new ParameterDoc("states", Integer.toString(DEFAULT_STATES),
          "number of states: 1 (a bandit) or 3.." + MAX_STATES),
      new ParameterDoc("actions", Integer.toString(DEFAULT_ACTIONS), "number of actions"),
      new ParameterDoc("seed", "0", "root seed"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "the earlier geometric AnyMDP: states embedded in space, actions as noisy moves, goals"
        + " and pitfalls as reset triggers";
  }

  @Override
  public List<ParameterDoc> parameters() {
    return PARAMS;
  }

  @Override
  public TabularMdp generate(TaskParams params, long seed) {
    int states = params.getPositiveInt("states", DEFAULT_STATES);
    int actions = params.getPositiveInt("actions", DEFAULT_ACTIONS);
    Generators.finishParams(this, params, seed);
    String id = Generators.canonicalId(this, params, seed);
    if (states == 2 || states > MAX_STATES) {
      throw new InvalidInputException("task id '" + params.id() + "': anymdp-v1 needs states=1"
          + " or 3.." + MAX_STATES + ", got states=" + states);
    }
    return generate(states, actions, seed, id);
  }

  static TabularMdp generate(int ns, int na, long seed, String name) {
    SplittableRandom frame = Seeds.rng(seed, "anymdp-v1-frame", 0);
    int minSteps = VISITS_PER_STATE * ns;
    double drawn = Math.floor(Draws.exponential(frame, minSteps));
    int maxSteps = (int) Math.max(Math.min(drawn, Integer.MAX_VALUE), minSteps);
    int[] mapping = Draws.permutation(frame, ns);
    if (ns == 1) {
      return bandit(na, seed, maxSteps, name);
    }

    AnyMdpV1Transitions best = null;
    double bestQuality = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < TRIES; i++) {
      AnyMdpV1Transitions t = AnyMdpV1Transitions.sample(ns, na,
          Seeds.rng(seed, "anymdp-v1-transition", i));
      if (t == null) {
        continue;
      }
      double q = t.quality();
      if (q > bestQuality) {
        bestQuality = q;
        best = t;
      }
      if (q >= TRANSITION_QUALITY) {
        break;
      }
    }
    if (best == null) {
      throw new IllegalStateException(name + ": no start states could be placed in " + TRIES
          + " tries");
    }
    AnyMdpV1Rewards bestRewards = null;
    double bestRewardQuality = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < TRIES; j++) {
      AnyMdpV1Rewards r = AnyMdpV1Rewards.sample(best, Seeds.rng(seed, "anymdp-v1-reward", j));
      double q = r.quality(best);
      if (q > bestRewardQuality) {
        bestRewardQuality = q;
        bestRewards = r;
      }
      if (q >= REWARD_QUALITY) {
        break;
      }
    }
    return build(best, bestRewards, maxSteps, mapping, name);
  }

  private static TabularMdp build(AnyMdpV1Transitions t, AnyMdpV1Rewards r, int maxSteps,
      int[] mapping, String name) {
    int ns = t.states;
    int na = t.actions;
    TabularMdpBuilder b = TabularMdp.builder(ns, na).name(name).maxEpisodeSteps(maxSteps);
    for (int s = 0; s < ns; s++) {
      int o = mapping[s];
      b.start(o, t.start[s]);
      if (t.trigger(s)) {
        b.kind(o, t.positive[s] ? StateKind.GOAL : StateKind.PITFALL);
        for (int a = 0; a < na; a++) {
          b.outcome(o, a, o, 1.0, 0.0, 0.0, true);
        }
        continue;
      }
      for (int a = 0; a < na; a++) {
        int row = s * na + a;
        for (int k = t.rowStart[row]; k < t.rowStart[row + 1]; k++) {
          int sp = t.next[k];
          b.outcome(o, a, mapping[sp], t.prob[k], r.mean(s, a, sp), r.noise(sp), t.trigger(sp));
        }
      }
    }
    return b.build();
  }

  /** v1's bandit: per-action rewards {@code U * scale} with noise, redrawn until they differ. */
  private static TabularMdp bandit(int na, long seed, int maxSteps, String name) {
    double[] reward = new double[na];
    double[] noise = new double[na];
    for (int j = 0; j < TRIES; j++) {
      SplittableRandom rng = Seeds.rng(seed, "anymdp-v1-reward", j);
      double scale = Draws.uniform(rng, 0.01, 0.10);
      for (int a = 0; a < na; a++) {
        reward[a] = rng.nextDouble() * scale;
      }
      for (int a = 0; a < na; a++) {
        noise[a] = 0.3 * rng.nextDouble() * scale;
      }
      if (std(reward) > 1e-3) {
        break;
      }
    }
    TabularMdpBuilder b = TabularMdp.builder(1, na).name(name).maxEpisodeSteps(maxSteps);
    b.start(0, 1.0);
    for (int a = 0; a < na; a++) {
      b.outcome(0, a, 0, 1.0, reward[a], noise[a], false);
    }
    return b.build();
  }

  private static double std(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
    }
    return Math.sqrt(var / x.length);
  }
}
