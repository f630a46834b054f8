package io.icrl.tasks.generate;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code garnet}: GARNET(n, m, b) random MDPs (Archibald, McKinnon and Thomas, 1995) in the form
 * OmniRL uses as a baseline (Xenoverse {@code GarnetTaskSampler}).
 *
 * <p>Parameters and their fixed defaults (part of this versioned definition):
 *
 * <ul>
 *   <li>{@code states} = 128 and {@code actions} = 5;
 *   <li>{@code branching} = 2: each (s, a) leads to {@code branching} distinct next states, drawn
 *       uniformly without replacement, with probabilities from {@code branching - 1} sorted uniform
 *       cut points of [0, 1];
 *   <li>{@code sigma} = 0.1: the reward of each (s, a, s') is fixed, drawn from {@code N(0,
 *       sigma^2)};
 *   <li>{@code seed} = 0.
 * </ul>
 *
 * <p>Everything comes from the stream {@code Seeds.rng(seed, "garnet", 0)}, in this order: the step
 * limit (as AnyMDP: the ceiling of {@code U[max(4n, 100), max(min(8n, 500), max(4n, 100) + 1))},
 * 1 for a single state), a random relabelling of the states, then per state and action the next
 * states, the cut points and the rewards. Episodes start in (relabelled) state 0 and never
 * terminate except by the step limit; with a single state every step ends the episode (a bandit).
 */
public final class GarnetGenerator implements TaskGenerator {
  public static final String NAME = "garnet";
  public static final int DEFAULT_STATES = 128;
  public static final int DEFAULT_ACTIONS = 5;
  public static final int DEFAULT_BRANCHING = 2;
  public static final double DEFAULT_SIGMA = 0.1;

  private static final List<ParameterDoc> PARAMS = List.of(
      new ParameterDoc("states", Integer.toString(DEFAULT_STATES), "number of states"),
      new ParameterDoc("actions", Integer.toString(DEFAULT_ACTIONS), "number of actions"),
      new ParameterDoc("branching", Integer.toString(DEFAULT_BRANCHING),
          "next states per (state, action), at most states"),
      new ParameterDoc("sigma", Double.toString(DEFAULT_SIGMA),
          "standard deviation of the fixed (s, a, s') rewards around 0"),
      new ParameterDoc("seed", "0", "root seed"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "GARNET(n, m, b): b random successors per state-action, Gaussian rewards";
  }

  @Override
  public List<ParameterDoc> parameters() {
    return PARAMS;
  }

  @Override
  public TabularMdp generate(TaskParams params, long seed) {
    int states = params.getPositiveInt("states", DEFAULT_STATES);
    int actions = params.getPositiveInt("actions", DEFAULT_ACTIONS);
    int branching = params.getPositiveInt("branching", DEFAULT_BRANCHING);
    double sigma = params.getDouble("sigma", DEFAULT_SIGMA);
    Generators.finishParams(this, params, seed);
    String id = Generators.canonicalId(this, params, seed);
    if (branching > states) {
      throw new InvalidInputException("task id '" + params.id() + "': parameter branching="
          + branching + " exceeds states=" + states);
    }
    if (sigma < 0) {
      throw new InvalidInputException("task id '" + params.id() + "': parameter sigma=" + sigma
          + " must not be negative");
    }
    return generate(states, actions, branching, sigma, seed, id);
  }

  static TabularMdp generate(int states, int actions, int branching, double sigma, long seed,
      String name) {
    SplittableRandom rng = Seeds.rng(seed, "garnet", 0);
    int maxSteps = 1;
    if (states > 1) {
      double lower = Math.max(4.0 * states, 100);
      double upper = Math.max(Math.min(8.0 * states, 500), lower + 1);
      maxSteps = (int) Math.ceil(Draws.uniform(rng, lower, upper));
    }
    int[] mapping = Draws.permutation(rng, states);
    boolean bandit = states == 1;
    TabularMdpBuilder b = TabularMdp.builder(states, actions).name(name).maxEpisodeSteps(maxSteps);
    b.start(mapping[0], 1.0);
    int[] pool = new int[states];
    for (int i = 0; i < states; i++) {
      pool[i] = i;
    }
    double[] cuts = new double[branching + 1];
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < actions; a++) {
        // Partial Fisher-Yates: pool[0..branching) becomes a uniform ordered sample.
        for (int i = 0; i < branching; i++) {
          int j = Draws.integer(rng, i, states);
          int t = pool[i];
          pool[i] = pool[j];
          pool[j] = t;
        }
        cuts[0] = 0;
        for (int i = 1; i < branching; i++) {
          cuts[i] = rng.nextDouble();
        }
        cuts[branching] = 1;
        Arrays.sort(cuts, 1, branching);
        for (int i = 0; i < branching; i++) {
          double reward = Draws.normal(rng) * sigma;
          b.outcome(mapping[s], a, mapping[pool[i]], cuts[i + 1] - cuts[i], reward, 0.0, bandit);
        }
      }
    }
    return b.build();
  }
}
