package io.icrl.learner.data;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.synth.format.Tag;
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.env.TabularEnv;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.QTable;
import io.icrl.tasks.solve.ValueIteration;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Small in-memory datasets of rollouts on random tabular MDPs, following the row semantics of
 * {@code StepWindow}: an epsilon-greedy behavior (epsilon decays over the episodes of a sequence,
 * so later episodes are better) with the optimal action (value iteration) as the label. Tags: OPT0
 * for greedy actions, RND for random ones. Action rows have prompt 0 (OPT0); boundary rows have
 * prompt and tag UNK, as in icrl's Arrow data.
 *
 * <p>Spec string for the CLI and benchmarks: {@code
 * synthetic:sequences=32,steps=2048,states=16,actions=4,horizon=24,seed=1}.
 */
public final class SyntheticRollouts {
  private SyntheticRollouts() {}

  /** Dataset parameters. */
  public record Spec(int sequences, int steps, int states, int actions, int horizon, long seed) {}

  /** Parses {@code synthetic:k=v,...} (missing keys take the defaults above). */
  public static Spec parse(String spec) {
    TaskParams p = TaskParams.parse(spec);
    if (!p.name().equals("synthetic")) {
      throw new InvalidInputException("not a synthetic dataset spec: " + spec);
    }
    Spec s = new Spec(p.getPositiveInt("sequences", 32), p.getPositiveInt("steps", 2048),
        p.getPositiveInt("states", 16), p.getPositiveInt("actions", 4),
        p.getPositiveInt("horizon", 24), p.getLong("seed", 1));
    p.requireAllUsed(Set.of("sequences", "steps", "states", "actions", "horizon", "seed"));
    if (s.states() < 2) {
      throw new InvalidInputException(spec + ": states must be at least 2");
    }
    return s;
  }

  /** Generates the dataset of {@code spec}. */
  public static InMemoryWindowSource generate(Spec spec) {
    InMemoryWindowSource.Builder b = new InMemoryWindowSource.Builder();
    for (int i = 0; i < spec.sequences(); i++) {
      SplittableRandom rng = Seeds.rng(spec.seed(), "synthetic-sequence", i);
      TabularMdp mdp = randomMdp(spec.states(), spec.actions(), spec.horizon(), rng);
      b.add(rollout(mdp, spec.steps(), rng));
    }
    return b.build("synthetic:sequences=" + spec.sequences() + ",steps=" + spec.steps()
        + ",states=" + spec.states() + ",actions=" + spec.actions() + ",horizon=" + spec.horizon()
        + ",seed=" + spec.seed());
  }

  /**
   * A random MDP: each (s, a) moves to one or two random states; reaching the last state gives
   * reward 1 and terminates; every other transition costs a small random reward.
   */
  public static TabularMdp randomMdp(int states, int actions, int horizon, SplittableRandom rng) {
    var b = TabularMdp.builder(states, actions).name("random").maxEpisodeSteps(horizon);
    int goal = states - 1;
    for (int s = 0; s < goal; s++) {
      b.start(s, 1.0 / goal);
    }
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < actions; a++) {
        int n1 = rng.nextInt(states);
        int n2 = rng.nextInt(states);
        if (n1 == n2) {
          b.outcome(s, a, n1, 1.0, reward(n1, goal, rng), n1 == goal);
        } else {
          b.outcome(s, a, n1, 0.8, reward(n1, goal, rng), n1 == goal);
          b.outcome(s, a, n2, 0.2, reward(n2, goal, rng), n2 == goal);
        }
      }
    }
    return b.build();
  }

  private static double reward(int next, int goal, SplittableRandom rng) {
    return next == goal ? 1.0 : -0.05 * rng.nextInt(3);
  }

  /** Rolls out {@code rows} rows of epsilon-greedy behavior with optimal labels. */
  public static InMemoryWindowSource.Sequence rollout(TabularMdp mdp, int rows,
      SplittableRandom rng) {
    QTable q = ValueIteration.solve(mdp, 0.95);
    TabularEnv env = new TabularEnv(mdp);
    int[] state = new int[rows];
    int[] action = new int[rows];
    int[] label = new int[rows];
    byte[] prompt = new byte[rows];
    byte[] tag = new byte[rows];
    float[] reward = new float[rows];
    boolean[] terminated = new boolean[rows];
    boolean[] truncated = new boolean[rows];
    int[] episode = new int[rows];
    int[] episodeStep = new int[rows];
    int r = 0;
    int ep = 0;
    while (r < rows) {
      double eps = 0.05 + 0.9 * StrictMath.pow(0.7, ep);
      int obs = env.reset(rng.nextLong());
      int t = 0;
      while (r < rows) {
        state[r] = obs;
        episode[r] = ep;
        episodeStep[r] = t;
        int best = q.greedyAction(obs);
        boolean random = rng.nextDouble() < eps;
        int a = random ? rng.nextInt(mdp.actions()) : best;
        action[r] = a;
        label[r] = best;
        tag[r] = random ? Tag.RND.code() : Tag.OPT0.code();
        obs = env.step(a);
        reward[r] = (float) env.reward();
        r++;
        t++;
        if (env.terminated() || env.truncated()) {
          if (r < rows) {
            state[r] = obs;
            action[r] = -1;
            label[r] = -1;
            prompt[r] = Tag.UNK.code();
            tag[r] = Tag.UNK.code();
            episode[r] = ep;
            episodeStep[r] = t;
            terminated[r] = env.terminated();
            truncated[r] = env.truncated();
            r++;
          }
          break;
        }
      }
      ep++;
    }
    return new InMemoryWindowSource.Sequence(mdp.states(), mdp.actions(), state, action, label,
        prompt, tag, reward, terminated, truncated, episode, episodeStep);
  }
}
