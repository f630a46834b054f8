package io.icrl.tasks.generate;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code anymdp}: OmniRL's current AnyMDP task sampler (Xenoverse {@code
 * xenoverse/anymdp/task_sampler.py} {@code AnyMDPTaskSampler} with {@code task_sampler_utils.py},
 * {@code solver.py} and {@code anymdp_env.py}, unchanged since Xenoverse commit 9d4d3b9,
 * 2025-12-12), reimplemented to be exactly reproducible: Xenoverse reseeds from the clock, here
 * (parameters, seed) always give the same bits.
 *
 * <p>Parameters and their fixed defaults (part of this versioned definition):
 *
 * <ul>
 *   <li>{@code states} = 64: number of states; 1 gives a multi-armed bandit, otherwise at least 8
 *       (as in Xenoverse) and at most {@value #MAX_STATES}.
 *   <li>{@code actions} = 5: number of actions; at least 2 unless {@code states = 1}.
 *   <li>{@code seed} = 0.
 * </ul>
 *
 * <p>Algorithm:
 *
 * <ol>
 *   <li>From the stream {@code Seeds.rng(seed, "anymdp-frame", 0)}: the step limit, a real number
 *       uniform in {@code [max(4n, 100), max(min(8n, 500), max(4n, 100) + 1))} for {@code n}
 *       states (1 for a bandit; the MDP stores its ceiling, since Gymnasium truncates once the step
 *       count reaches it), then a uniformly random relabelling of the states, so that the band
 *       structure, start states and goal are not visible in the state numbers.
 *   <li>Attempt {@code i = 0, 1, ...} draws a candidate from {@code new
 *       SplittableRandom(Seeds.derive(seed, "anymdp-attempt", i))} ({@link AnyMdpSampler}: banded
 *       transitions, composite reward, terminal rewards adjusted by value iteration) and keeps the
 *       first that passes {@link AnyMdpAcceptance} (with the real-valued step limit as horizon).
 *       Rejected attempts are never reused. A bandit needs one attempt.
 * </ol>
 *
 * <p>Episodes start in one of up to three start states, end on entering a pitfall or the terminal
 * goal (states of kind PITFALL / GOAL), and rewards carry Gaussian noise (the Xenoverse env draws
 * {@code N(mean, noise)}). A bandit episode is one pull. Xenoverse's {@code min_state_space}
 * (sampling a random subset of the states) is not supported.
 */
public final class AnyMdpGenerator implements TaskGenerator {
  public static final String NAME = "anymdp";
  public static final int DEFAULT_STATES = 64;
  public static final int DEFAULT_ACTIONS = 5;
  /** Largest supported state count (exact solves use dense {@code states^2} matrices). */
  public static final int MAX_STATES = 4096;
  /** Attempts after which generation gives up (never reached in practice). */
  public static final int MAX_ATTEMPTS = 100_000;

  private static final List<ParameterDoc> PARAMS = List.of(
      new ParameterDoc("states", Integer.toString(DEFAULT_STATES),
          "number of states: 1 (a bandit) or 8.." + MAX_STATES),
      new ParameterDoc("actions", Integer.toString(DEFAULT_ACTIONS),
          "number of actions (at least 2 unless states=1)"),
      new ParameterDoc("seed", "0", "root seed"));

  /** A generated task with how it was found. */
  public record Draw(TabularMdp mdp, int attempts, double horizon,
      AnyMdpAcceptance.Verdict verdict) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "OmniRL's AnyMDP: banded random transitions, shaped composite rewards, goal and pitfall"
        + " terminals, filtered for learnability";
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
    return draw(states, actions, seed, Generators.canonicalId(this, params, seed)).mdp();
  }

  /** Generates {@code anymdp:states=..,actions=..,seed=..} and reports how. */
  public static Draw draw(int states, int actions, long seed) {
    return draw(states, actions, seed,
        NAME + ":states=" + states + ",actions=" + actions + ",seed=" + seed);
  }

  static Draw draw(int states, int actions, long seed, String name) {
    if (states <= 0) {
      throw new InvalidInputException(name + ": parameter states=" + states + " must be positive");
    }
    if (actions <= 0) {
      throw new InvalidInputException(name + ": parameter actions=" + actions
          + " must be positive");
    }
    if (states > 1 && states < 8) {
      throw new InvalidInputException(name + ": anymdp needs states >= 8 (or states=1, a bandit),"
          + " got states=" + states);
    }
    if (states > MAX_STATES) {
      throw new InvalidInputException(name + ": anymdp supports at most " + MAX_STATES
          + " states, got states=" + states);
    }
    if (states > 1 && actions < 2) {
      throw new InvalidInputException(name + ": anymdp needs actions >= 2 when states > 1 (with"
          + " one action the optimal policy cannot beat the random one), got actions=" + actions);
    }
    SplittableRandom frame = Seeds.rng(seed, "anymdp-frame", 0);
    double horizon = 1.0;
    if (states > 1) {
      double lower = Math.max(4.0 * states, 100);
      double upper = Math.max(Math.min(8.0 * states, 500), lower + 1);
      horizon = Draws.uniform(frame, lower, upper);
    }
    int[] mapping = Draws.permutation(frame, states);
    int maxSteps = (int) Math.ceil(horizon);
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "anymdp-attempt", i));
      if (states == 1) {
        CandidateMdp c = AnyMdpSampler.bandit(actions, rng);
        AnyMdpAcceptance.Verdict v = AnyMdpAcceptance.check(c.model(), c.start,
            c.terminalStates(), horizon);
        return new Draw(c.build(name, maxSteps, mapping), i + 1, horizon, v);
      }
      CandidateMdp c = AnyMdpSampler.mdp(states, actions, rng);
      if (c == null) {
        continue;
      }
      AnyMdpAcceptance.Verdict v = AnyMdpAcceptance.check(c.model(), c.start, c.terminalStates(),
          horizon);
      if (v.accepted()) {
        return new Draw(c.build(name, maxSteps, mapping), i + 1, horizon, v);
      }
    }
    throw new IllegalStateException(name + ": no acceptable AnyMDP after " + MAX_ATTEMPTS
        + " attempts");
  }
}
