package io.icrl.eval.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icrl.core.InvalidInputException;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.ImitatingRowModel;
import io.icrl.eval.TestSettings;
import io.icrl.eval.TestTasks;
import io.icrl.eval.agent.RowModel;
import io.icrl.eval.agent.RowModelSource;
import io.icrl.eval.report.Csv;
import io.icrl.eval.report.ResultsCsv;
import io.icrl.eval.report.SweepOutputs;
import io.icrl.eval.task.TrainingTaskRange;
import io.icrl.tasks.TaskRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  private static final List<String> TASKS = List.of("lake", "lake:slippery=true",
      "rmdp:states=6,actions=3,seed=1", "hidden-lake");
  private static final TaskRegistry REGISTRY = TestTasks.registry();

  /** A model source standing in for a tiny checkpoint. */
  private static RowModelSource tinyModel(Optional<TrainingTaskRange> range) {
    return new RowModelSource() {
      @Override
      public String describe() {
        return "imitating test model";
      }

      @Override
      public Optional<TrainingTaskRange> trainingRange() {
        return range;
      }

      @Override
      public RowModel open() {
        return new ImitatingRowModel(64, 8);
      }
    };
  }

  private static EvalSettings settings(int threads) {
    return TestSettings.with("icrl.eval.episodes=12", "icrl.eval.seeds=3",
        "icrl.eval.threads=" + threads, "icrl.eval.imitation.episodes=3",
        "icrl.eval.offline.episodes=4", "icrl.eval.references.model-episodes=300",
        "icrl.eval.references.evaluation-episodes=300");
  }

  private static final List<String> SMALL = List.of("lake:slippery=true",
      "rmdp:states=6,actions=3,seed=1");

  private static SweepRequest request(Path out, int threads, boolean model) {
    return request(TASKS, out, threads, model);
  }

  private static SweepRequest request(List<String> tasks, Path out, int threads, boolean model) {
    return new SweepRequest(tasks, settings(threads), REGISTRY::make,
        model ? Optional.of(tinyModel(Optional.empty())) : Optional.empty(), Optional.empty(), out);
  }

  private static SweepResult runAndWrite(SweepRequest r, SweepListener l) throws IOException {
    SweepResult result = Sweep.run(r, l);
    SweepOutputs.write(result, r.outDir());
    return result;
  }

  @Test
  void everyModeRunsEndToEndAndOutputsAgree(@TempDir Path dir) throws IOException {
    SweepResult result = runAndWrite(request(dir, 2, true), SweepListener.NONE);
    EvalSettings s = result.settings();
    assertEquals(List.of("model", "random", "q-learning", "ucb-q", "model-based", "oracle", "1-nn",
        "data"), result.agents());

    // results.csv: header, one row per episode, parseable, consistent with the plan.
    List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
    assertEquals(ResultsCsv.HEADER, lines.get(0));
    Map<String, List<double[]>> bySeries = new HashMap<>();
    int rows = 0;
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = Csv.parseLine(line);
      assertEquals(10, f.size(), line);
      assertTrue(TASKS.contains(f.get(0)), f.get(0));
      int episode = Integer.parseInt(f.get(4));
      double ret = Double.parseDouble(f.get(5));
      double score = Double.parseDouble(f.get(6));
      int steps = Integer.parseInt(f.get(7));
      assertTrue(episode >= 1 && Double.isFinite(score) && steps >= 1, line);
      double optimal = EpisodeRecord.parseCsvNumber(f.get(8));
      double repeat = EpisodeRecord.parseCsvNumber(f.get(9));
      assertTrue(optimal >= 0 && optimal <= 1, line);
      assertTrue(Double.isNaN(repeat) || (repeat >= 0 && repeat <= 1), line);
      // the oracle plays the optimum, and so do the imitation demos
      if (f.get(2).equals("oracle") || (f.get(2).equals("data") && f.get(1).equals("imitation"))) {
        assertEquals(1.0, optimal, 0.0, line);
      }
      bySeries.computeIfAbsent(f.get(0) + "|" + f.get(1) + "|" + f.get(2), k -> new ArrayList<>())
          .add(new double[] {Integer.parseInt(f.get(3)), episode, ret, score});
      rows++;
    }
    // 4 tasks: model, random, q, ucb, model-based, oracle in 3 modes; 1-nn in 2; data in 2 (3 or
    // 4 episodes).
    int agentRows = 4 * 3 * (6 * 3 + 1 * 2) * 12;
    int dataRows = 4 * 3 * (3 + 4);
    assertEquals(agentRows + dataRows, rows);

    // summary.json agrees with results.csv.
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertEquals(12, summary.get("episodes").asInt());
    assertEquals(bySeries.size(), summary.get("series").size());
    for (JsonNode series : summary.get("series")) {
      String key = series.get("task").asText() + "|" + series.get("mode").asText() + "|"
          + series.get("agent").asText();
      List<double[]> data = bySeries.get(key);
      assertNotNull(data, key);
      for (var it = series.get("score_at_episode").fields(); it.hasNext(); ) {
        var e = it.next();
        int episode = Integer.parseInt(e.getKey());
        double mean = data.stream().filter(d -> d[1] == episode).mapToDouble(d -> d[3])
            .average().orElseThrow();
        assertEquals(mean, e.getValue().get("mean").asDouble(), 1e-9, key + " @" + episode);
        assertEquals(3, e.getValue().get("n").asInt());
      }
      assertTrue(series.get("score_at_episode").has("1"));
      double meanReturn = data.stream().mapToDouble(d -> d[2]).average().orElseThrow();
      assertEquals(meanReturn, series.get("mean_return").get("mean").asDouble(), 1e-9, key);
    }
    // every score is the unclipped normalized return of its task's references
    for (Map.Entry<String, List<double[]>> e : bySeries.entrySet()) {
      JsonNode refs = summary.get("tasks").get(e.getKey().substring(0, e.getKey().indexOf('|')));
      double opt = refs.get("optimal_return").asDouble();
      double rnd = refs.get("random_return").asDouble();
      for (double[] d : e.getValue()) {
        assertEquals((d[2] - rnd) / (opt - rnd), d[3], 1e-9, e.getKey());
      }
    }
    JsonNode lakeRefs = summary.get("tasks").get("lake");
    assertEquals("exact", lakeRefs.get("reference_source").asText());
    assertEquals(1.0, lakeRefs.get("optimal_return").asDouble(), 1e-9);
    assertEquals("estimated",
        summary.get("tasks").get("hidden-lake").get("reference_source").asText());

    // The oracle and the demonstrations are optimal on deterministic FrozenLake; the in-context
    // imitator copies the demonstrations; 1-NN too.
    for (String agent : List.of("oracle", "data", "model", "1-nn")) {
      JsonNode x = find(summary, "lake", "imitation", agent);
      assertEquals(1.0, x.get("mean_score").get("mean").asDouble(), 1e-12, agent);
      assertEquals(1, x.get("episodes_to_threshold").get("mean").asDouble(), 1e-12, agent);
    }
    assertEquals(3, find(summary, "lake", "imitation", "data").get("episodes").asInt());
    assertEquals(4, find(summary, "lake", "offline", "data").get("episodes").asInt());

    // report.md names every task and links every plot; plots are PNGs.
    String report = Files.readString(dir.resolve("report.md"));
    for (String task : TASKS) {
      assertTrue(report.contains("## " + task), task);
    }
    try (var plots = Files.list(dir.resolve("plots"))) {
      List<Path> pngs = plots.toList();
      // one per task and mode, plus one per mode over the two tasks of family "lake"
      assertEquals(TASKS.size() * 3 + 3, pngs.size());
      assertTrue(Files.isRegularFile(dir.resolve("plots/all-lake-online.png")));
      assertTrue(report.contains("## All tasks: lake (2 tasks)"), report);
      for (Path p : pngs) {
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(p), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, p.toString());
        assertTrue(report.contains("(plots/" + p.getFileName() + ")"), p.toString());
      }
    }
  }

  private static JsonNode find(JsonNode summary, String task, String mode, String agent) {
    for (JsonNode s : summary.get("series")) {
      if (s.get("task").asText().equals(task) && s.get("mode").asText().equals(mode)
          && s.get("agent").asText().equals(agent)) {
        return s;
      }
    }
    throw new AssertionError("no series " + task + "/" + mode + "/" + agent);
  }

  @Test
  void resultsDoNotDependOnThreadCount(@TempDir Path dir) throws IOException {
    runAndWrite(request(SMALL, dir.resolve("one"), 1, false), SweepListener.NONE);
    runAndWrite(request(SMALL, dir.resolve("three"), 3, false), SweepListener.NONE);
    assertEquals(Files.readString(dir.resolve("one/results.csv")),
        Files.readString(dir.resolve("three/results.csv")));
    assertEquals(Files.readString(dir.resolve("one/summary.json")),
        Files.readString(dir.resolve("three/summary.json")));
  }

  @Test
  void anInterruptedSweepResumesWithoutRedoingFinishedCells(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("resumed");
    RuntimeException stop = new RuntimeException("interrupted by test");
    SweepListener interrupt = new SweepListener() {
      @Override
      public void cellFinished(Cell cell, int done, int total) {
        if (done == 20) {
          throw stop;
        }
      }
    };
    RuntimeException thrown = assertThrows(RuntimeException.class,
        () -> Sweep.run(request(SMALL, out, 2, false), interrupt));
    assertEquals(stop, thrown);
    assertFalse(Files.exists(out.resolve("results.csv")));

    AtomicInteger already = new AtomicInteger(-1);
    AtomicInteger ran = new AtomicInteger();
    AtomicInteger total = new AtomicInteger();
    SweepListener count = new SweepListener() {
      @Override
      public void planned(int t, int alreadyDone) {
        total.set(t);
        already.set(alreadyDone);
      }

      @Override
      public void cellFinished(Cell cell, int done, int t) {
        ran.incrementAndGet();
      }
    };
    runAndWrite(request(SMALL, out, 2, false), count);
    assertTrue(already.get() >= 20, "finished cells were kept: " + already.get());
    assertEquals(total.get() - already.get(), ran.get(), "only unfinished cells ran");

    runAndWrite(request(SMALL, dir.resolve("straight"), 2, false), SweepListener.NONE);
    assertEquals(Files.readString(dir.resolve("straight/results.csv")),
        Files.readString(out.resolve("results.csv")));

    // A third run finds everything done; changed settings recompute.
    Sweep.run(request(SMALL, out, 2, false), count);
    assertEquals(total.get(), already.get());
    EvalSettings other = TestSettings.with("icrl.eval.episodes=12", "icrl.eval.seeds=3",
        "icrl.eval.imitation.episodes=3", "icrl.eval.offline.episodes=4",
        "icrl.eval.q-learning.epsilon=0.2", "icrl.eval.references.model-episodes=300",
        "icrl.eval.references.evaluation-episodes=300");
    Sweep.run(new SweepRequest(SMALL, other, REGISTRY::make, Optional.empty(), Optional.empty(),
        out), count);
    assertEquals(0, already.get(), "a changed setting invalidates journaled cells");
  }

  @Test
  void refusesTasksInsideTheCheckpointsTrainingSeeds(@TempDir Path dir) {
    TrainingTaskRange range = new TrainingTaskRange("anymdp", 0, 10);
    SweepRequest r = new SweepRequest(List.of("lake", "anymdp:states=6,actions=3,seed=3"),
        settings(1), REGISTRY::make, Optional.of(tinyModel(Optional.of(range))), Optional.empty(),
        dir);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Sweep.run(r, SweepListener.NONE));
    assertTrue(e.getMessage().contains("training seeds [0, 10)"), e.getMessage());
    SweepRequest heldOut = new SweepRequest(List.of("anymdp:states=6,actions=3,seed=10"),
        TestSettings.with("icrl.eval.episodes=2", "icrl.eval.seeds=1", "icrl.eval.modes=[online]"),
        REGISTRY::make, Optional.of(tinyModel(Optional.of(range))), Optional.empty(), dir);
    // online: the model and every baseline but 1-nn and data, which need context data
    assertEquals(6, assertDoesNotThrowRun(heldOut).cells().size());
  }

  private static SweepResult assertDoesNotThrowRun(SweepRequest r) {
    try {
      return Sweep.run(r, SweepListener.NONE);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void rejectsBadRequests(@TempDir Path dir) {
    assertThrows(InvalidInputException.class, () -> Sweep.run(new SweepRequest(List.of(),
        settings(1), REGISTRY::make, Optional.empty(), Optional.empty(), dir), SweepListener.NONE));
    assertThrows(InvalidInputException.class, () -> Sweep.run(new SweepRequest(
        List.of("lake", "lake"), settings(1), REGISTRY::make, Optional.empty(), Optional.empty(),
        dir), SweepListener.NONE));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Sweep.run(
        new SweepRequest(List.of("nope"), settings(1), REGISTRY::make, Optional.empty(),
            Optional.empty(), dir), SweepListener.NONE));
    assertTrue(e.getMessage().contains("unknown task id"), e.getMessage());
  }
}
