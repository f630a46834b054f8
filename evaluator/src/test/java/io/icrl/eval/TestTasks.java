package io.icrl.eval;

import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import io.icrl.tasks.TabularTask;
import java.util.Optional;
import java.util.SplittableRandom;

/** Hand-built tasks for evaluator tests. */
public final class TestTasks {
  private TestTasks() {}

  private static final String[] MAP = {"SFFF", "FHFH", "FFFH", "HFFG"};

  /** Gymnasium's FrozenLake 4x4 (actions left, down, right, up), step limit 100. */
  public static TabularMdp frozenLake(boolean slippery) {
    int n = 4;
    TabularMdpBuilder b = TabularMdp.builder(n * n, 4).name("frozenlake").maxEpisodeSteps(100);
    b.start(0, 1.0);
    int[][] moves = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}};
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        int s = r * n + c;
        char ch = MAP[r].charAt(c);
        if (ch == 'H') {
          b.kind(s, StateKind.PITFALL);
        } else if (ch == 'G') {
          b.kind(s, StateKind.GOAL);
        }
        for (int a = 0; a < 4; a++) {
          if (ch == 'H' || ch == 'G') {
            b.outcome(s, a, s, 1.0, 0.0, true);
            continue;
          }
          int[] dirs = slippery ? new int[] {(a + 3) % 4, a, (a + 1) % 4} : new int[] {a};
          for (int d : dirs) {
            int nr = Math.min(n - 1, Math.max(0, r + moves[d][0]));
            int nc = Math.min(n - 1, Math.max(0, c + moves[d][1]));
            char nch = MAP[nr].charAt(nc);
            b.outcome(s, a, nr * n + nc, 1.0 / dirs.length, nch == 'G' ? 1.0 : 0.0,
                nch == 'G' || nch == 'H');
          }
        }
      }
    }
    return b.build();
  }

  /**
   * A dense random MDP: every (s, a) has 3 random next states with random probabilities and
   * random reward means in [-1, 1] with noise 0.1; no terminal states; step limit {@code horizon}.
   */
  public static TabularMdp randomMdp(int states, int actions, long seed, int horizon) {
    SplittableRandom rng = new SplittableRandom(seed);
    TabularMdpBuilder b = TabularMdp.builder(states, actions).name("random-" + seed)
        .maxEpisodeSteps(horizon);
    for (int s = 0; s < states; s++) {
      b.start(s, 1.0 / states);
      for (int a = 0; a < actions; a++) {
        double[] w = {rng.nextDouble() + 0.05, rng.nextDouble() + 0.05, rng.nextDouble() + 0.05};
        double sum = w[0] + w[1] + w[2];
        for (int k = 0; k < 3; k++) {
          double p = k < 2 ? w[k] / sum : 1.0 - w[0] / sum - w[1] / sum;
          b.outcome(s, a, rng.nextInt(states), p, 2 * rng.nextDouble() - 1, 0.1, false);
        }
      }
    }
    return b.build();
  }

  /** A task over {@code mdp} that hides its MDP, like a discretized continuous task. */
  public static Task hidden(String id, TabularMdp mdp) {
    TabularTask inner = new TabularTask(id, mdp);
    return new Task() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public boolean isDiscrete() {
        return true;
      }

      @Override
      public DiscreteEnv newEnv() {
        return inner.newEnv();
      }

      @Override
      public Optional<TabularMdp> mdp() {
        return Optional.empty();
      }
    };
  }

  /**
   * A registry of test tasks: {@code lake[:slippery=B]}, {@code rmdp:states=S,actions=A,seed=K}
   * (also registered as {@code anymdp} for guard tests) and {@code hidden-lake} (deterministic
   * FrozenLake without an exact model).
   */
  public static TaskRegistry registry() {
    TaskRegistry r = new TaskRegistry();
    r.register("lake", p -> {
      boolean slip = p.getBoolean("slippery", false);
      return new TabularTask(p.id(), frozenLake(slip));
    });
    r.register("rmdp", p -> new TabularTask(p.id(), randomMdp(p.getPositiveInt("states", 6),
        p.getPositiveInt("actions", 3), p.getLong("seed", 0), 20)));
    r.register("anymdp", p -> new TabularTask(p.id(), randomMdp(p.getPositiveInt("states", 6),
        p.getPositiveInt("actions", 3), p.getLong("seed", 0), 20)));
    r.register("hidden-lake", p -> hidden(p.id(), frozenLake(false)));
    return r;
  }
}
