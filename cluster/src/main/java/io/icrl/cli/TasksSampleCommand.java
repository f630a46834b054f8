package io.icrl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import io.icrl.core.AtomicFiles;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizon;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code icrl tasks sample}: samples {@code count} tasks of a generator with seeds {@code seed ..
 * seed+count-1} in parallel and writes {@code tasks.jsonl} (one line per task: id, fingerprint,
 * sizes, exact optimal and random returns) atomically into the output directory.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Sample random MDPs; writes OUT/tasks.jsonl (ids, fingerprints, exact returns).")
final class TasksSampleCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions config;

  @Option(names = "--generator", description = "Generator name (default from icrl.tasks.sample).")
  String generator;

  @Option(names = "--states", description = "Number of states.")
  Integer states;

  @Option(names = "--actions", description = "Number of actions.")
  Integer actions;

  @Option(names = "--count", description = "Number of tasks.")
  Integer count;

  @Option(names = "--seed", description = "First task seed; task i uses seed+i.")
  Long seed;

  @Option(names = "--threads", description = "Worker threads (0 = all cores).")
  Integer threads;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<String> sets = new ArrayList<>();
    String p = "icrl.tasks.sample.";
    if (generator != null) {
      sets.add(p + "generator=" + generator);
    }
    if (states != null) {
      sets.add(p + "states=" + states);
    }
    if (actions != null) {
      sets.add(p + "actions=" + actions);
    }
    if (count != null) {
      sets.add(p + "count=" + count);
    }
    if (seed != null) {
      sets.add(p + "seed=" + seed);
    }
    if (threads != null) {
      sets.add(p + "threads=" + threads);
    }
    Config c = config.load(sets);
    String gen = Settings.string(c, p + "generator");
    int nS = Settings.positiveInt(c, p + "states");
    int nA = Settings.positiveInt(c, p + "actions");
    int n = Settings.positiveInt(c, p + "count");
    long first = Settings.longValue(c, p + "seed");
    int th = Settings.nonNegativeInt(c, p + "threads");
    int workers = th == 0 ? Runtime.getRuntime().availableProcessors() : th;

    TaskRegistry registry = TaskRegistry.standard();
    // Fail fast on a bad generator or size before starting workers.
    registry.make(idOf(gen, nS, nA, first));

    ObjectMapper json = new ObjectMapper();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    StringBuilder lines = new StringBuilder();
    long t0 = System.nanoTime();
    try (ProgressBar bar = Progress.bar("sample " + gen, n, "tasks")) {
      List<Future<ObjectNode>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        final long taskSeed = first + i;
        final int index = i;
        futures.add(pool.submit(() -> {
          Task task = registry.make(idOf(gen, nS, nA, taskSeed));
          ObjectNode row = json.createObjectNode();
          row.put("index", index);
          row.put("id", task.id());
          TabularMdp m = task.mdp().orElseThrow(() -> new InvalidInputException(
              "generator " + gen + " does not produce tabular tasks"));
          row.put("fingerprint", m.fingerprint());
          row.put("states", m.states());
          row.put("actions", m.actions());
          row.put("outcomes", m.outcomeCount());
          row.put("max_episode_steps", m.maxEpisodeSteps());
          row.put("optimal_return", FiniteHorizon.optimalReturn(m));
          row.put("random_return", FiniteHorizon.randomReturn(m));
          return row;
        }));
      }
      for (Future<ObjectNode> f : futures) {
        lines.append(json.writeValueAsString(f.get())).append('\n');
        bar.step();
      }
    } finally {
      pool.shutdownNow();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Path file = out.resolve("tasks.jsonl");
    AtomicFiles.writeString(file, lines.toString());
    System.out.printf("sampled %d %s tasks (%d states, %d actions, seeds %d..%d) in %.2f s"
        + " (%.1f tasks/s on %d threads) -> %s%n", n, gen, nS, nA, first, first + n - 1, secs,
        n / secs, workers, file);
    return 0;
  }

  static String idOf(String generator, int states, int actions, long seed) {
    return generator + ":states=" + states + ",actions=" + actions + ",seed=" + seed;
  }
}
