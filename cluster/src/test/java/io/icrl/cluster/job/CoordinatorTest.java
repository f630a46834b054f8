package io.icrl.cluster.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.icrl.cluster.metrics.IcrlMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator's work pulling, re-issue, deduplication, retries and manifests, with real
 * workers running a deterministic executor. Every message is serialized (serialize-messages), so
 * the protocol is also checked against the Kryo allow-list.
 */
class CoordinatorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final WorkerSettings WORKER = new WorkerSettings(1, Duration.ofSeconds(30),
      Duration.ofSeconds(2));
  private static final ChecksumExecutor CHECKSUM = new ChecksumExecutor(50);

  private static ActorTestKit kit;

  @TempDir
  Path dir;

  private final List<ActorRef<?>> spawned = new java.util.ArrayList<>();

  /** Stops this test's actors before its temporary directory is deleted. */
  @AfterEach
  void stopActors() {
    spawned.forEach(kit::stop);
  }

  private <T> ActorRef<T> spawn(org.apache.pekko.actor.typed.Behavior<T> behavior) {
    ActorRef<T> ref = kit.spawn(behavior);
    spawned.add(ref);
    return ref;
  }

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("coordinator-test", ConfigFactory.parseString(
        "pekko.actor.serialize-messages = on").withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private JobSpec spec(String id, int seeds, int seqs, int seedsPerUnit, int seqsPerUnit,
      int maxAttempts, String kind) {
    return new JobSpec(id, kind, 1000, seeds, seqs, seedsPerUnit, seqsPerUnit, maxAttempts,
        dir.resolve(id).toString(), "steps = 50");
  }

  private ActorRef<Coordinator.Command> coordinator(IcrlMetrics metrics) {
    return spawn(Coordinator.create(new CoordinatorSettings(true), metrics));
  }

  private static Coordinator.JobAccepted submit(ActorRef<Coordinator.Command> c, JobSpec spec) {
    TestProbe<Coordinator.SubmitReply> reply = kit.createTestProbe();
    c.tell(new Coordinator.SubmitJob(spec, reply.getRef()));
    return assertInstanceOf(Coordinator.JobAccepted.class, reply.receiveMessage(WAIT));
  }

  private static JobStatus await(ActorRef<Coordinator.Command> c, String jobId) {
    TestProbe<JobStatus> reply = kit.createTestProbe();
    c.tell(new Coordinator.AwaitJob(jobId, reply.getRef()));
    return reply.receiveMessage(WAIT);
  }

  private static JobStatus status(ActorRef<Coordinator.Command> c, String jobId) {
    TestProbe<JobStatus> reply = kit.createTestProbe();
    c.tell(new Coordinator.GetJobStatus(jobId, reply.getRef()));
    return reply.receiveMessage(WAIT);
  }

  private static Path manifest(JobSpec spec) {
    return Path.of(spec.outputDir()).resolve(JobManifest.FILE_NAME);
  }

  @Test
  void jobCompletesOnRealWorkersWithCorrectResultsInTheManifest() {
    IcrlMetrics metrics = IcrlMetrics.create();
    ActorRef<Coordinator.Command> c = coordinator(metrics);
    spawn(Worker.create(c, Map.of(ChecksumExecutor.KIND, CHECKSUM), WORKER));
    spawn(Worker.create(c, Map.of(ChecksumExecutor.KIND, CHECKSUM), WORKER));
    JobSpec spec = spec("full", 10, 6, 3, 4, 3, ChecksumExecutor.KIND);
    assertEquals(new Coordinator.JobAccepted("full", 8, 0), submit(c, spec));

    JobStatus s = await(c, "full");
    assertEquals(JobState.COMPLETED, s.state());
    assertEquals(8, s.done());
    assertEquals(10L * 6 * 50, s.steps());

    JobManifest.Saved saved = JobManifest.read(manifest(spec));
    assertEquals(spec, saved.spec());
    assertEquals(JobState.COMPLETED, saved.state());
    Map<String, WorkUnit> units = new java.util.HashMap<>();
    WorkSplitter.split(spec).forEach(u -> units.put(u.unitId(), u));
    for (JobManifest.SavedUnit u : saved.units().values()) {
      assertEquals(UnitState.DONE, u.state());
      assertEquals(CHECKSUM.execute(units.get(u.unitId())), u.result(), u.unitId());
    }
    assertEquals(8.0, metrics.workUnits().labelValues("done").get());
    assertEquals(0.0, metrics.workUnits().labelValues("running").get());
  }

  @Test
  void aWorkerGetsOneUnitAtATimeUntilItsReportIsAcknowledged() {
    ActorRef<Coordinator.Command> c = coordinator(IcrlMetrics.create());
    TestProbe<Coordinator.WorkerReply> worker = kit.createTestProbe();
    TestProbe<Coordinator.WorkerReply> evalOnly = kit.createTestProbe();
    c.tell(new Coordinator.RequestWork("eval-worker", List.of("eval"), evalOnly.getRef()));
    c.tell(new Coordinator.RequestWork("w", List.of(ChecksumExecutor.KIND), worker.getRef()));
    submit(c, spec("pull", 3, 1, 1, 1, 3, ChecksumExecutor.KIND));

    WorkUnit first = ((Coordinator.Assigned) worker.receiveMessage(WAIT)).unit();
    assertEquals("u000000", first.unitId());
    assertEquals(1, first.attempt());
    worker.expectNoMessage(Duration.ofMillis(300));
    evalOnly.expectNoMessage(Duration.ofMillis(10));
    assertEquals(1, status(c, "pull").running());

    c.tell(new Coordinator.UnitCompleted("w", "pull", first.unitId(), 1, CHECKSUM.execute(first),
        worker.getRef()));
    assertEquals(new Coordinator.Acknowledged("u000000"), worker.receiveMessage(WAIT));
    worker.expectNoMessage(Duration.ofMillis(100));
    c.tell(new Coordinator.RequestWork("w", List.of(ChecksumExecutor.KIND), worker.getRef()));
    assertEquals("u000001", ((Coordinator.Assigned) worker.receiveMessage(WAIT)).unit().unitId());
  }

  @Test
  void duplicateCompletionsCountOnce() {
    ActorRef<Coordinator.Command> c = coordinator(IcrlMetrics.create());
    TestProbe<Coordinator.WorkerReply> worker = kit.createTestProbe();
    c.tell(new Coordinator.RequestWork("w", List.of(ChecksumExecutor.KIND), worker.getRef()));
    submit(c, spec("dedup", 2, 1, 1, 1, 3, ChecksumExecutor.KIND));
    WorkUnit u = ((Coordinator.Assigned) worker.receiveMessage(WAIT)).unit();
    UnitResult r = CHECKSUM.execute(u);
    for (int i = 0; i < 3; i++) {
      c.tell(new Coordinator.UnitCompleted("w", "dedup", u.unitId(), 1, r, worker.getRef()));
      assertEquals(new Coordinator.Acknowledged(u.unitId()), worker.receiveMessage(WAIT));
    }
    JobStatus s = status(c, "dedup");
    assertEquals(1, s.done());
    assertEquals(1, s.pending());
    assertEquals(r.steps(), s.steps());
  }

  @Test
  void aWorkerThatDiesMidUnitHasItsUnitReissued() {
    IcrlMetrics metrics = IcrlMetrics.create();
    ActorRef<Coordinator.Command> c = coordinator(metrics);
    TestProbe<Coordinator.WorkerReply> doomed = kit.createTestProbe();
    c.tell(new Coordinator.RequestWork("doomed", List.of(ChecksumExecutor.KIND), doomed.getRef()));
    JobSpec spec = spec("reissue", 2, 2, 1, 2, 3, ChecksumExecutor.KIND);
    submit(c, spec);
    WorkUnit taken = ((Coordinator.Assigned) doomed.receiveMessage(WAIT)).unit();
    assertEquals("u000000", taken.unitId());

    // A real worker finishes the other unit and then waits for more.
    ActorRef<Worker.Command> survivor = spawn(Worker.create(c,
        Map.of(ChecksumExecutor.KIND, CHECKSUM), WORKER));
    TestProbe<JobStatus> probe = kit.createTestProbe();
    probe.awaitAssert(WAIT, () -> {
      assertEquals(1, status(c, "reissue").done());
      return null;
    });

    doomed.stop(); // dies mid-unit: the coordinator's watch re-issues u000000
    JobStatus s = await(c, "reissue");
    assertEquals(JobState.COMPLETED, s.state());
    assertEquals(2, s.done());
    assertEquals(1.0, metrics.workUnitsReissued().get());

    JobManifest.SavedUnit u0 = JobManifest.read(manifest(spec)).units().get("u000000");
    assertEquals(2, u0.attempts());
    assertTrue(u0.worker().contains(survivor.path().name()), u0.worker());
    assertEquals(CHECKSUM.execute(taken), u0.result());
  }

  @Test
  void failedAttemptsAreRetriedAndPermanentFailuresFailTheJob() {
    ActorRef<Coordinator.Command> c = coordinator(IcrlMetrics.create());
    UnitExecutor flaky = unit -> {
      if (unit.unitId().equals("u000001") && unit.attempt() == 1) {
        throw new java.io.IOException("disk hiccup in " + unit.unitId());
      }
      return CHECKSUM.execute(unit);
    };
    UnitExecutor broken = unit -> {
      throw new IllegalStateException("seed " + unit.seedStart() + " is cursed");
    };
    spawn(Worker.create(c, Map.of(ChecksumExecutor.KIND, flaky, "broken", broken), WORKER));

    JobSpec flakySpec = spec("flaky", 3, 1, 1, 1, 3, ChecksumExecutor.KIND);
    submit(c, flakySpec);
    JobStatus s = await(c, "flaky");
    assertEquals(JobState.COMPLETED, s.state());
    assertEquals(List.of("u000001: IOException: disk hiccup in u000001"), s.errors());
    assertEquals(2, JobManifest.read(manifest(flakySpec)).units().get("u000001").attempts());

    submit(c, spec("doomed", 2, 1, 1, 1, 2, "broken"));
    JobStatus f = await(c, "doomed");
    assertEquals(JobState.FAILED, f.state());
    assertEquals(2, f.failed());
    assertEquals(4, f.errors().size());
    assertTrue(f.errors().get(0).contains("is cursed"), f.errors().toString());
  }

  @Test
  void resubmittingAJobResumesFromItsManifest() throws Exception {
    ActorRef<Coordinator.Command> first = coordinator(IcrlMetrics.create());
    TestProbe<Coordinator.WorkerReply> worker = kit.createTestProbe();
    first.tell(new Coordinator.RequestWork("w", List.of(ChecksumExecutor.KIND), worker.getRef()));
    JobSpec spec = spec("resume", 3, 1, 1, 1, 3, ChecksumExecutor.KIND);
    submit(first, spec);
    WorkUnit u = ((Coordinator.Assigned) worker.receiveMessage(WAIT)).unit();
    first.tell(new Coordinator.UnitCompleted("w", "resume", u.unitId(), 1, CHECKSUM.execute(u),
        worker.getRef()));
    worker.receiveMessage(WAIT);
    kit.stop(first);
    spawned.remove(first);

    // A new coordinator (as after a singleton hand-over) resumes the job from its manifest.
    ActorRef<Coordinator.Command> second = coordinator(IcrlMetrics.create());
    assertEquals(new Coordinator.JobAccepted("resume", 3, 1), submit(second, spec));
    spawn(Worker.create(second, Map.of(ChecksumExecutor.KIND, CHECKSUM), WORKER));
    JobStatus s = await(second, "resume");
    assertEquals(JobState.COMPLETED, s.state());
    Set<String> workers = new HashSet<>();
    JobManifest.read(manifest(spec)).units().values().forEach(x -> workers.add(x.worker()));
    assertEquals(2, workers.size(), "u000000 by the probe, the rest by the real worker");

    // A different job may not reuse the directory.
    JobSpec other = new JobSpec("resume", ChecksumExecutor.KIND, 0, 5, 1, 1, 1, 3,
        spec.outputDir(), "");
    TestProbe<Coordinator.SubmitReply> reply = kit.createTestProbe();
    ActorRef<Coordinator.Command> third = coordinator(IcrlMetrics.create());
    third.tell(new Coordinator.SubmitJob(other, reply.getRef()));
    Coordinator.JobRejected rejected = assertInstanceOf(Coordinator.JobRejected.class,
        reply.receiveMessage(WAIT));
    assertTrue(rejected.reason().contains("different units"), rejected.reason());
    assertTrue(Files.readString(manifest(spec)).contains("\"state\" : \"completed\""));
  }

  @Test
  void cancelStopsHandingOutUnitsAndUnknownJobsAreReported() {
    ActorRef<Coordinator.Command> c = coordinator(IcrlMetrics.create());
    TestProbe<Coordinator.WorkerReply> a = kit.createTestProbe();
    c.tell(new Coordinator.RequestWork("a", List.of(ChecksumExecutor.KIND), a.getRef()));
    submit(c, spec("cancel", 4, 1, 1, 1, 3, ChecksumExecutor.KIND));
    a.receiveMessage(WAIT);
    TestProbe<JobStatus> reply = kit.createTestProbe();
    c.tell(new Coordinator.CancelJob("cancel", reply.getRef()));
    assertEquals(JobState.CANCELLED, reply.receiveMessage(WAIT).state());
    TestProbe<Coordinator.WorkerReply> b = kit.createTestProbe();
    c.tell(new Coordinator.RequestWork("b", List.of(ChecksumExecutor.KIND), b.getRef()));
    b.expectNoMessage(Duration.ofMillis(300));
    assertEquals(JobState.UNKNOWN, status(c, "nope").state());

    TestProbe<Coordinator.JobList> list = kit.createTestProbe();
    c.tell(new Coordinator.ListJobs(list.getRef()));
    assertEquals(List.of("cancel"), list.receiveMessage(WAIT).jobs().stream()
        .map(JobStatus::jobId).toList());
  }
}
