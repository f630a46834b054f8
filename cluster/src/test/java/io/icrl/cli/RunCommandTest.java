package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.cluster.job.JobManifest;
import io.icrl.cluster.job.UnitState;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.synth.format.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code icrl run} end to end in one JVM (tiny settings): synth -> train -> eval, the run
 * directory layout and the final summary; running it again resumes (nothing is redone).
 */
class RunCommandTest {
  @TempDir
  Path dir;

  private Path job() throws Exception {
    Path file = dir.resolve("job.conf");
    Files.writeString(file, """
        icrl {
          cluster.job { id = "tiny", output-dir = "%s" }
          synth { sequences = 6, steps = 300, shard-sequences = 2, seed = 3,
                  task { family = anymdp, states = 8, actions = 3, seed-count = 500 } }
          learner { preset = tiny, threads = 1, train { steps = 4, checkpoint-every = 2 } }
          eval { episodes = 3, seeds = 2, threads = 2, modes = [online, imitation],
                 agents = [random, oracle], held-out-anymdp { count = 2, states = 8, actions = 3 } }
          cluster.run { synth-workers = 2, progress-interval = 1s }
          cluster.metrics.jvm = off
        }
        """.formatted(dir.resolve("run")));
    return file;
  }

  @Test
  void runsThePipelineIntoTheRunDirectoryAndResumesWithoutRedoingWork() throws Exception {
    Path conf = job();
    Object[] r = NodeCommandTest.run("run", conf.toString());
    String out = (String) r[1];
    assertEquals(0, r[0], out + r[2]);
    Path run = dir.resolve("run");
    for (String p : new String[] {"data/manifest.json", "job-manifest.json",
        "train/checkpoint/state.json", "train/metrics.jsonl", "eval/summary.json",
        "eval/results.csv", "eval/report.md", "eval/summary.txt"}) {
      assertTrue(Files.isRegularFile(run.resolve(p)), p + " exists");
    }
    try (Dataset d = Dataset.open(run.resolve("data"))) {
      assertEquals(6, d.sequenceCount());
      assertEquals(3, d.shards().size());
    }
    assertEquals(4, Checkpoint.readState(run.resolve("train/checkpoint")).step());
    JobManifest.Saved synth = JobManifest.read(run.resolve("job-manifest.json"));
    assertEquals(3, synth.units().size());
    synth.units().values().forEach(u -> assertEquals(UnitState.DONE, u.state()));
    assertTrue(out.contains("[synth] started: 3 units"), out);
    assertTrue(out.contains("[train] done"), out);
    assertTrue(out.contains("evaluation summary"), out);
    assertTrue(out.matches("(?s).*anymdp +online +oracle +2 .*"), out);
    assertTrue(out.matches("(?s).*anymdp +imitation +random +2 .*"), out);
    assertTrue(out.contains("in-context model: "), out);
    assertTrue(out.contains("run tiny completed"), out);

    Map<String, FileTime> before = modified(run.resolve("data"));
    Object[] again = NodeCommandTest.run("run", conf.toString());
    String out2 = (String) again[1];
    assertEquals(0, again[0], out2 + again[2]);
    assertTrue(out2.contains("[synth] started: 3 units (3 already done, resuming)"), out2);
    assertEquals(before, modified(run.resolve("data")), "no shard rewritten");
    assertEquals(4, Checkpoint.readState(run.resolve("train/checkpoint")).step());
    JobManifest.read(run.resolve("job-manifest.json")).units().values()
        .forEach(u -> assertEquals(1, u.attempts(), u.unitId() + " ran once"));
    assertTrue(out2.contains("evaluation summary"), out2);
  }

  @Test
  void badStagesAndAnotherRunsDirectoryAreRefusedWithExitCode2() throws Exception {
    Path conf = job();
    Object[] r = NodeCommandTest.run("run", conf.toString(), "--stages", "synth,deploy");
    assertEquals(2, r[0]);
    assertTrue(((String) r[2]).contains("unknown stage 'deploy'"), (String) r[2]);
    Object[] task = NodeCommandTest.run("run", conf.toString(), "--set",
        "icrl.synth.task.states=6");
    assertEquals(2, task[0]);
    assertTrue(((String) task[2]).contains("anymdp needs states >= 8"), (String) task[2]);

    Object[] first = NodeCommandTest.run("run", conf.toString(), "--stages", "synth");
    assertEquals(0, first[0], (String) first[2]);
    Object[] other = NodeCommandTest.run("run", conf.toString(), "--stages", "synth", "--set",
        "icrl.synth.steps=301");
    assertEquals(2, other[0], (String) other[1]);
    assertTrue(((String) other[2]).contains("different units"), (String) other[2]);
  }

  private static Map<String, FileTime> modified(Path dir) throws Exception {
    Map<String, FileTime> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        m.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
      }
    }
    return m;
  }
}
