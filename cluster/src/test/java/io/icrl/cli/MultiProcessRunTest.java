package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.cluster.job.JobManifest;
import io.icrl.cluster.job.UnitState;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real multi-process cluster on 127.0.0.1: separate JVMs for the coordinator, two synth workers
 * and the learner run a small synthesis job driven from this JVM ({@code icrl run --cluster}).
 * One synth JVM is killed with SIGKILL while it holds a unit; the job still completes, the dataset
 * holds every unit exactly once (and verifies), and every live node's metrics endpoint answers
 * throughout.
 */
class MultiProcessRunTest {
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

  @AfterEach
  void stopProcesses() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    for (Process p : processes) {
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void jobCompletesWithEveryUnitOnceAfterASynthJvmIsKilled() throws Exception {
    int coordinatorPort = freePort();
    int victimPort = freePort();
    Path nodeConf = dir.resolve("node.conf");
    Files.writeString(nodeConf, """
        icrl.cluster {
          worker { idle-rerequest = 2s, report-resend = 1s }
          run.synth-workers = 1
          metrics.jvm = off
          stream.learner-wait = 30s
        }
        pekko.cluster.split-brain-resolver.stable-after = 5s
        """);
    Map<String, Integer> metrics = new java.util.LinkedHashMap<>();
    for (String n : List.of("coordinator", "learner", "synth-1", "synth-2")) {
      metrics.put(n, freePort());
    }
    String seed = "127.0.0.1:" + coordinatorPort;
    startNode("coordinator", metrics, "--roles", "coordinator", "--port",
        String.valueOf(coordinatorPort));
    startNode("learner", metrics, "--roles", "learner", "--port", "0", "--seed-nodes", seed);
    Process victim = startNode("synth-1", metrics, "--roles", "synth", "--port",
        String.valueOf(victimPort), "--seed-nodes", seed, "--cpus", "1");
    startNode("synth-2", metrics, "--roles", "synth", "--port", "0", "--seed-nodes", seed,
        "--cpus", "1");
    String coordinatorMetrics = "http://127.0.0.1:" + metrics.get("coordinator") + "/metrics";
    awaitTrue(Duration.ofSeconds(120), () -> {
      String text = get(coordinatorMetrics);
      return value(text, "icrl_cluster_members{role=\"synth\",status=\"up\"}") == 2
          && value(text, "icrl_cluster_members{role=\"learner\",status=\"up\"}") == 1;
    }, "the four nodes are up");
    mark("nodes up");

    // Every live node's endpoint must answer throughout the job.
    AtomicBoolean victimAlive = new AtomicBoolean(true);
    AtomicBoolean polling = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    int[] scrapes = {0};
    Thread poller = new Thread(() -> {
      while (polling.get()) {
        metrics.forEach((name, port) -> {
          if (name.equals("synth-1") && !victimAlive.get()) {
            return;
          }
          try {
            get("http://127.0.0.1:" + port + "/metrics");
            scrapes[0]++;
          } catch (Exception e) {
            if (!name.equals("synth-1") || victimAlive.get()) {
              failures.add(name + ": " + e);
            }
          }
        });
        sleep(300);
      }
    }, "metrics-poller");
    poller.start();

    Path run = dir.resolve("run");
    Path job = dir.resolve("job.conf");
    Files.writeString(job, """
        icrl {
          cluster.job { id = "mp", output-dir = "%s", max-attempts = 3 }
          cluster.run.stages = [synth]
          cluster.metrics.jvm = off
          synth { sequences = 24, steps = 20000, shard-sequences = 2, seed = 11,
                  task { family = anymdp, states = 24, actions = 5, seed-count = 1000 } }
        }
        pekko.cluster.split-brain-resolver.stable-after = 5s
        """.formatted(run));
    CompletableFuture<Object[]> driver = CompletableFuture.supplyAsync(() ->
        NodeCommandTest.run("run", job.toString(), "--cluster", seed));

    Path manifest = run.resolve(JobManifest.FILE_NAME);
    String victimWorker = "127.0.0.1:" + victimPort + "/";
    String[] held = new String[1];
    awaitTrue(Duration.ofSeconds(180), () -> {
      if (!Files.isRegularFile(manifest)) {
        return false;
      }
      JobManifest.Saved m = JobManifest.read(manifest);
      long done = m.units().values().stream().filter(u -> u.state() == UnitState.DONE).count();
      long pending = m.units().values().stream().filter(u -> u.state() == UnitState.PENDING)
          .count();
      for (JobManifest.SavedUnit u : m.units().values()) {
        if (u.state() == UnitState.RUNNING && u.worker().contains(victimWorker) && done >= 1
            && pending >= 2) {
          held[0] = u.unitId();
          return true;
        }
      }
      return false;
    }, "synth-1 holds a unit mid-job");
    victim.destroyForcibly(); // SIGKILL
    victimAlive.set(false);
    victim.waitFor(10, TimeUnit.SECONDS);
    mark("killed synth-1 holding " + held[0]);

    Object[] result = driver.get(120, TimeUnit.SECONDS);
    mark("driver returned");
    polling.set(false);
    poller.join();
    assertEquals(0, result[0], result[1] + "\n" + result[2] + "\n" + logs());
    assertTrue(failures.isEmpty(), "metrics endpoints failed: " + failures);
    assertTrue(scrapes[0] > 0);

    JobManifest.Saved m = JobManifest.read(manifest);
    assertEquals(12, m.units().size());
    Manifest data = Manifest.read(run.resolve("data"));
    assertTrue(data.complete());
    for (ShardEntry e : data.shards()) {
      JobManifest.SavedUnit u = m.units().get(String.format("u%06d", e.shard()));
      assertEquals(UnitState.DONE, u.state());
      assertEquals(e.crc32c(), u.result().digest(), "unit " + u.unitId() + " is shard "
          + e.shard());
    }
    List<String> files;
    try (Stream<Path> s = Files.list(run.resolve("data"))) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> expected = new ArrayList<>(List.of("manifest.json"));
    for (int k = 0; k < 12; k++) {
      expected.add(ShardEntry.fileName(k));
    }
    assertEquals(expected, files, "every unit exactly once, no leftovers");
    try (Dataset d = Dataset.open(run.resolve("data"))) {
      assertEquals(24, d.sequenceCount());
    }
    JobManifest.SavedUnit unit = m.units().get(held[0]);
    double reissued = value(get(coordinatorMetrics), "icrl_work_units_reissued_total");
    assertTrue(reissued >= 1 || (unit.worker().contains(victimWorker) && unit.attempts() == 1),
        "the killed node's unit " + held[0] + " was re-issued (" + reissued + ") unless it had"
            + " just finished: " + unit);
  }

  private final long t0 = System.nanoTime();

  private void mark(String what) {
    System.err.printf("MultiProcessRunTest %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, what);
  }

  private Process startNode(String name, Map<String, Integer> metrics, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command()
        .orElse("java"), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xss4m", "-Xmx256m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.icrl.cli.Main",
        "node", "start", "--config", dir.resolve("node.conf").toString(), "--metrics-port",
        String.valueOf(metrics.get(name))));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    processes.add(p);
    return p;
  }

  private String logs() throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        String text = Files.readString(p);
        b.append("---- ").append(p.getFileName()).append('\n')
            .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
      }
    }
    return b.toString();
  }

  private String get(String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(HTTP_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(url + " answered " + r.statusCode());
    }
    return r.body();
  }

  private static double value(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
      }
    }
    return Double.NaN;
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private void awaitTrue(Duration timeout, Check check, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        // not ready yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what + "\n" + logs());
      }
      Thread.sleep(20);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final java.util.Set<Integer> USED_PORTS = new java.util.HashSet<>();

  /**
   * A free port below Linux's ephemeral range (32768+), so that no JVM of this test can be handed
   * it by the OS for an outgoing or port-0 socket between picking it here and binding it there.
   */
  private static synchronized int freePort() throws IOException {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(System.nanoTime());
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20000 + rng.nextInt(12000);
      if (USED_PORTS.contains(port)) {
        continue;
      }
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        USED_PORTS.add(port);
        return s.getLocalPort();
      } catch (IOException busy) {
        // taken: try another
      }
    }
    throw new IOException("no free port found in [20000, 32000)");
  }
}
