package io.icrl.cluster.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.cluster.job.ChecksumExecutor;
import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobManifest;
import io.icrl.cluster.job.JobSpec;
import io.icrl.cluster.job.JobState;
import io.icrl.cluster.job.JobStatus;
import io.icrl.cluster.job.UnitExecutor;
import io.icrl.cluster.job.Worker;
import io.icrl.cluster.job.WorkerSettings;
import io.icrl.core.InvalidInputException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcrlNodeTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir
  Path dir;

  static double scrape(IcrlNode node, String series) throws Exception {
    String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + node.metricsPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return Double.NaN;
  }

  static <T> T ask(IcrlNode node, java.util.function.Function<
      org.apache.pekko.actor.typed.ActorRef<T>, Coordinator.Command> message) throws Exception {
    return AskPattern.<Coordinator.Command, T>ask(node.coordinator(), message::apply, WAIT,
        node.system().scheduler()).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static void eventually(Duration timeout, ThrowingCheck check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  interface ThrowingCheck {
    void run() throws Exception;
  }

  @Test
  void twoNodesRunAJobAndAUnitOfANodeThatLeavesIsReissued() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ChecksumExecutor checksum = new ChecksumExecutor(10);
    // Node B's worker hangs in its first unit until released (B leaves meanwhile).
    UnitExecutor hanging = unit -> {
      started.countDown();
      release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      throw new IllegalStateException("released after its node left");
    };
    try (IcrlNode a = IcrlNode.start(TestNodes.config("icrl.cluster.node.roles=[coordinator]"))) {
      IcrlNode b = IcrlNode.start(TestNodes.config("icrl.cluster.node.roles=[synth,evaluator]",
          "icrl.cluster.node.resources.cpus=3", "icrl.cluster.node.resources.gpus=1",
          TestNodes.seed(a)), Map.of(ChecksumExecutor.KIND, hanging));
      try {
        a.awaitUp(WAIT);
        b.awaitUp(WAIT);
        eventually(WAIT, () -> {
          assertEquals(1.0, scrape(a, "icrl_cluster_members{role=\"synth\",status=\"up\"}"));
          assertEquals(1.0, scrape(a, "icrl_cluster_members{role=\"evaluator\",status=\"up\"}"));
          assertEquals(1.0, scrape(a, "icrl_cluster_members{role=\"coordinator\",status=\"up\"}"));
        });
        Member bSeenFromA = null;
        for (Member m : Cluster.get(a.system()).state().getMembers()) {
          if (m.address().equals(b.address())) {
            bSeenFromA = m;
          }
        }
        assertEquals(new NodeResources(3, 1), NodeResources.of(bSeenFromA.getRoles()));

        JobSpec spec = new JobSpec("two-nodes", ChecksumExecutor.KIND, 0, 2, 3, 1, 3, 3,
            dir.resolve("job").toString(), "");
        // Submitted through node B's proxy: the coordinator runs on A.
        Coordinator.SubmitReply accepted = AskPattern.<Coordinator.Command,
            Coordinator.SubmitReply>ask(b.coordinator(), r -> new Coordinator.SubmitJob(spec, r),
            WAIT, b.system().scheduler()).toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertInstanceOf(Coordinator.JobAccepted.class, accepted);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS), "B started a unit");

        // A worker on A takes the other unit; then B leaves mid-unit.
        a.spawn(Worker.create(a.coordinator(), Map.of(ChecksumExecutor.KIND, checksum),
            new WorkerSettings(1, Duration.ofSeconds(30), Duration.ofSeconds(2))), "a-worker");
        b.close();

        JobStatus s = ask(a, r -> new Coordinator.AwaitJob("two-nodes", r));
        assertEquals(JobState.COMPLETED, s.state(), s.summary());
        assertEquals(2, s.done());
        JobManifest.SavedUnit u0 = JobManifest.read(dir.resolve("job/job-manifest.json")).units()
            .get("u000000");
        assertEquals(2, u0.attempts());
        assertTrue(u0.worker().contains("a-worker"), u0.worker());
        assertTrue(scrape(a, "icrl_work_units_reissued_total") >= 1.0);
        eventually(WAIT, () -> assertEquals(0.0,
            scrape(a, "icrl_cluster_members{role=\"synth\",status=\"up\"}")));
      } finally {
        release.countDown();
        b.close();
      }
    }
  }

  @Test
  void remotingPortInUseIsBadInputNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> IcrlNode.start(
          TestNodes.config("icrl.cluster.node.port=" + port)));
      assertTrue(e.getMessage().contains("port " + port) && e.getMessage().contains("in use"),
          e.getMessage());
    }
  }
}
