package io.icrl.tasks.bench;

import io.icrl.tasks.env.TabularEnv;
import io.icrl.tasks.generate.AnyMdpGenerator;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.PolicyIteration;
import io.icrl.tasks.solve.ReferencePolicies;
import io.icrl.tasks.solve.ValueIteration;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A short single-threaded benchmark of the task pipeline's hot paths: AnyMDP tasks sampled per
 * second at 16, 64 and 128 states (5 actions), solve times per task at {@code gamma = 0.994}
 * (value iteration, exact policy iteration, all four reference policies), and environment steps
 * per second under a uniformly random policy at 128 states, next to a bare inverse-CDF loop over
 * the same table as this machine's reference.
 *
 * <p>Rates are per second of this thread's CPU time where the JVM measures it (so other load on a
 * shared machine distorts them less), else of wall time; the unit says which. Each measurement
 * runs for about the given number of seconds after a warm-up of half that.
 *
 * <p>Run: {@code java -cp task-generator/target/classes io.icrl.tasks.bench.TaskBench [seconds]}.
 */
public final class TaskBench {
  private static final int[] SIZES = {16, 64, 128};
  private static final int ACTIONS = 5;
  private static final double GAMMA = 0.994;

  /** One measured number. */
  public record Row(String name, double value, String unit) {
    @Override
    public String toString() {
      return String.format("%-40s %14.3f %s", name, value, unit);
    }
  }

  private TaskBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
    for (Row r : run(seconds)) {
      System.out.println(r);
    }
  }

  /** Runs every measurement for about {@code secondsEach} (at least one repetition each). */
  public static List<Row> run(double secondsEach) {
    Clock clock = new Clock();
    List<Row> rows = new ArrayList<>();
    for (int states : SIZES) {
      long[] seed = {0};
      Runnable sample = () -> AnyMdpGenerator.draw(states, ACTIONS, seed[0]++);
      double perSecond = clock.rate(sample, secondsEach);
      rows.add(new Row("anymdp tasks sampled, " + states + "x" + ACTIONS, perSecond,
          "tasks/" + clock.unit()));
    }
    for (int states : SIZES) {
      List<TabularMdp> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tasks.add(AnyMdpGenerator.draw(states, ACTIONS, 1000 + i).mdp());
      }
      int[] i = {0};
      rows.add(new Row("value iteration gamma 0.994, " + states + "x" + ACTIONS,
          1000 / clock.rate(() -> ValueIteration.solve(tasks.get(i[0]++ % tasks.size()), GAMMA),
              secondsEach), "ms/task (" + clock.unit() + ")"));
      rows.add(new Row("policy iteration gamma 0.994, " + states + "x" + ACTIONS,
          1000 / clock.rate(() -> PolicyIteration.solve(tasks.get(i[0]++ % tasks.size()), GAMMA),
              secondsEach), "ms/task (" + clock.unit() + ")"));
      rows.add(new Row("reference policies opt0..3, " + states + "x" + ACTIONS,
          1000 / clock.rate(() -> ReferencePolicies.compute(tasks.get(i[0]++ % tasks.size())),
              secondsEach), "ms/task (" + clock.unit() + ")"));
    }
    TabularMdp stepTask = AnyMdpGenerator.draw(128, ACTIONS, 1).mdp();
    TabularEnv env = new TabularEnv(stepTask);
    SplittableRandom policy = new SplittableRandom(1);
    env.reset(1);
    int chunk = 1_000_000;
    double[] sink = {0};
    Runnable steps = () -> {
      double sum = 0;
      for (int t = 0; t < chunk; t++) {
        env.step(policy.nextInt(ACTIONS));
        sum += env.reward();
        if (env.terminated() || env.truncated()) {
          env.reset();
        }
      }
      sink[0] += sum;
    };
    rows.add(new Row("env steps, random policy, 128x" + ACTIONS,
        chunk * clock.rate(steps, secondsEach), "steps/" + clock.unit()));
    rows.add(new Row("bare sparse-table loop, 128x" + ACTIONS + " (reference)",
        chunk * clock.rate(bareLoop(stepTask, chunk, sink), secondsEach),
        "steps/" + clock.unit()));
    if (Double.isNaN(sink[0])) {
      throw new IllegalStateException("NaN reward");
    }
    return rows;
  }

  /**
   * The floor for environment stepping on this machine: inverse-CDF sampling over flat arrays with
   * deterministic rewards, no episode bookkeeping, no checks.
   */
  private static Runnable bareLoop(TabularMdp m, int chunk, double[] sink) {
    int nA = m.actions();
    int[] rowStart = new int[m.states() * nA];
    int[] next = new int[m.outcomeCount()];
    double[] cdf = new double[m.outcomeCount()];
    double[] reward = new double[m.outcomeCount()];
    for (int s = 0; s < m.states(); s++) {
      for (int a = 0; a < nA; a++) {
        rowStart[s * nA + a] = m.outcomeStart(s, a);
        double c = 0;
        for (int k = m.outcomeStart(s, a); k < m.outcomeEnd(s, a); k++) {
          c += m.prob(k);
          cdf[k] = c;
          next[k] = m.next(k);
          reward[k] = m.rewardMean(k);
        }
        cdf[m.outcomeEnd(s, a) - 1] = Double.POSITIVE_INFINITY;
      }
    }
    SplittableRandom rng = new SplittableRandom(2);
    int[] state = {0};
    return () -> {
      int s = state[0];
      double sum = 0;
      for (int t = 0; t < chunk; t++) {
        int k = rowStart[s * nA + rng.nextInt(nA)];
        double u = rng.nextDouble();
        while (u >= cdf[k]) {
          k++;
        }
        s = next[k];
        sum += reward[k];
      }
      state[0] = s;
      sink[0] += sum;
    };
  }

  /** Times repetitions of a job on this thread's CPU clock, or the wall clock without one. */
  private static final class Clock {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpu = threads.isCurrentThreadCpuTimeSupported();

    String unit() {
      return cpu ? "cpu-s" : "s";
    }

    long now() {
      return cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Repetitions per second, after a warm-up of half the budget. */
    double rate(Runnable job, double seconds) {
      repeat(job, seconds / 2);
      return repeat(job, seconds);
    }

    private double repeat(Runnable job, double seconds) {
      long budget = (long) (seconds * 1e9);
      long start = now();
      long n = 0;
      long elapsed;
      do {
        job.run();
        n++;
        elapsed = now() - start;
      } while (elapsed < budget);
      return n / (elapsed / 1e9);
    }
  }
}
