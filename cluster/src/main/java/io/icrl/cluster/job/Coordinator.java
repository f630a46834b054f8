package io.icrl.cluster.job;

import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.cluster.serialization.ClusterMessage;
import io.icrl.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Holds the state of every job and hands out work units to workers that pull them (meant to run
 * as a cluster singleton on a {@code coordinator} node, see {@link #initSingleton}).
 *
 * <p>Work pulling: a worker sends {@link RequestWork} when idle; the coordinator parks it until a
 * unit of a kind it runs is pending, then sends one {@link Assigned} unit. The worker reports
 * {@link UnitCompleted} (or {@link UnitFailed}) and gets an {@link Acknowledged}, after which it
 * asks again. Completions are deduplicated by unit id, so a re-sent report or a unit finished by
 * two workers counts once.
 *
 * <p>Failures: the coordinator watches every worker; when one stops, or its node is removed (or
 * becomes unreachable, if configured), its unit goes back to the front of the queue. A failed
 * attempt is retried up to the job's {@code maxAttempts}. Every change is written to the job's
 * manifest; resubmitting a job whose manifest exists resumes it (units done stay done).
 */
public final class Coordinator extends AbstractBehavior<Coordinator.Command> {
  /** Name of the singleton and of its manager actor. */
  public static final String SINGLETON_NAME = "icrl-coordinator";
  /** Cluster role that hosts the coordinator singleton. */
  public static final String ROLE = "coordinator";

  /** Messages the coordinator accepts. */
  public interface Command extends ClusterMessage {}

  /** Starts (or resumes from its manifest) a job. */
  public record SubmitJob(JobSpec spec, ActorRef<SubmitReply> replyTo) implements Command {}

  /** Asks for a job's status now. */
  public record GetJobStatus(String jobId, ActorRef<JobStatus> replyTo) implements Command {}

  /** Asks for a job's status once it has ended (at once if it has). */
  public record AwaitJob(String jobId, ActorRef<JobStatus> replyTo) implements Command {}

  /** Cancels a job: pending units are dropped, running ones finish but start nothing new. */
  public record CancelJob(String jobId, ActorRef<JobStatus> replyTo) implements Command {}

  /** Asks for the status of every job. */
  public record ListJobs(ActorRef<JobList> replyTo) implements Command {}

  /** A worker is idle and wants one unit of one of {@code kinds}. */
  public record RequestWork(String workerId, List<String> kinds,
      ActorRef<WorkerReply> replyTo) implements Command {}

  /** A worker finished a unit. */
  public record UnitCompleted(String workerId, String jobId, String unitId, int attempt,
      UnitResult result, ActorRef<WorkerReply> replyTo) implements Command {}

  /** A worker's attempt at a unit threw. */
  public record UnitFailed(String workerId, String jobId, String unitId, int attempt,
      String error, ActorRef<WorkerReply> replyTo) implements Command {}

  /** A busy worker got a unit it cannot take (a re-request crossed an assignment). */
  public record Decline(String workerId, String jobId, String unitId, int attempt)
      implements Command {}

  /** Reply to {@link SubmitJob}. */
  public interface SubmitReply extends ClusterMessage {}

  /** The job runs; {@code alreadyDone} units were restored from its manifest. */
  public record JobAccepted(String jobId, int units, int alreadyDone) implements SubmitReply {}

  /** The job was refused (e.g. another job with that id runs, or its manifest disagrees). */
  public record JobRejected(String jobId, String reason) implements SubmitReply {}

  /** Reply to {@link ListJobs}. */
  public record JobList(List<JobStatus> jobs) implements ClusterMessage {}

  /** Messages the coordinator sends to workers. */
  public interface WorkerReply extends Worker.Command {}

  /** One unit for the worker to run. */
  public record Assigned(WorkUnit unit) implements WorkerReply {}

  /** The coordinator recorded the worker's report on {@code unitId}. */
  public record Acknowledged(String unitId) implements WorkerReply {}

  private record WorkerTerminated(ActorRef<WorkerReply> worker)
      implements Command, NoSerializationVerificationNeeded {}

  private record MemberGone(Address address, String why)
      implements Command, NoSerializationVerificationNeeded {}

  /** What the coordinator knows about one worker. */
  private static final class WorkerInfo {
    final String id;
    List<String> kinds;
    String currentJob;
    String currentUnit;

    WorkerInfo(String id, List<String> kinds) {
      this.id = id;
      this.kinds = kinds;
    }
  }

  private final IcrlMetrics metrics;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final Map<ActorRef<WorkerReply>, WorkerInfo> workers = new LinkedHashMap<>();
  private final LinkedHashSet<ActorRef<WorkerReply>> idle = new LinkedHashSet<>();

  private Coordinator(ActorContext<Command> context, CoordinatorSettings settings,
      IcrlMetrics metrics) {
    super(context);
    this.metrics = metrics;
    if (isClustered(context.getSystem())) {
      Cluster cluster = Cluster.get(context.getSystem());
      ActorRef<ClusterEvent.MemberRemoved> removed = context.messageAdapter(
          ClusterEvent.MemberRemoved.class, e -> new MemberGone(e.member().address(), "removed"));
      cluster.subscriptions().tell(Subscribe.create(removed, ClusterEvent.MemberRemoved.class));
      if (settings.reissueOnUnreachable()) {
        ActorRef<ClusterEvent.UnreachableMember> unreachable = context.messageAdapter(
            ClusterEvent.UnreachableMember.class,
            e -> new MemberGone(e.member().address(), "unreachable"));
        cluster.subscriptions().tell(Subscribe.create(unreachable,
            ClusterEvent.UnreachableMember.class));
      }
    }
    updateMetrics();
  }

  /** The coordinator behaviour (for a plain actor; clusters use {@link #initSingleton}). */
  public static Behavior<Command> create(CoordinatorSettings settings, IcrlMetrics metrics) {
    return Behaviors.setup(ctx -> new Coordinator(ctx, settings, metrics));
  }

  /**
   * Starts the coordinator singleton (on the oldest node with role {@value #ROLE}) and returns a
   * proxy to it; on nodes without the role this only returns the proxy.
   */
  public static ActorRef<Command> initSingleton(ActorSystem<?> system,
      CoordinatorSettings settings, IcrlMetrics metrics) {
    return ClusterSingleton.get(system).init(SingletonActor.of(create(settings, metrics),
        SINGLETON_NAME).withSettings(ClusterSingletonSettings.create(system).withRole(ROLE)));
  }

  private static boolean isClustered(ActorSystem<?> system) {
    String provider = system.settings().config().getString("pekko.actor.provider");
    return provider.equals("cluster") || provider.endsWith("ClusterActorRefProvider");
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(SubmitJob.class, this::onSubmit)
        .onMessage(GetJobStatus.class, this::onGetStatus)
        .onMessage(AwaitJob.class, this::onAwait)
        .onMessage(CancelJob.class, this::onCancel)
        .onMessage(ListJobs.class, this::onList)
        .onMessage(RequestWork.class, this::onRequestWork)
        .onMessage(UnitCompleted.class, this::onCompleted)
        .onMessage(UnitFailed.class, this::onFailed)
        .onMessage(Decline.class, this::onDecline)
        .onMessage(WorkerTerminated.class, this::onWorkerTerminated)
        .onMessage(MemberGone.class, this::onMemberGone)
        .build();
  }

  // ---- jobs ---------------------------------------------------------------------------------

  private Behavior<Command> onSubmit(SubmitJob m) {
    JobSpec spec = m.spec();
    Job existing = jobs.get(spec.jobId());
    if (existing != null && !existing.state.terminal()) {
      if (existing.spec.equals(spec)) {
        m.replyTo().tell(new JobAccepted(spec.jobId(), existing.units.size(),
            existing.count(UnitState.DONE)));
      } else {
        m.replyTo().tell(new JobRejected(spec.jobId(), "a different job with id " + spec.jobId()
            + " is running"));
      }
      return this;
    }
    Job job;
    int restored;
    try {
      job = new Job(spec, spec.outputDir().isEmpty() ? null
          : Path.of(spec.outputDir()).resolve(JobManifest.FILE_NAME));
      restored = restore(job);
    } catch (InvalidInputException e) {
      m.replyTo().tell(new JobRejected(spec.jobId(), e.getMessage()));
      return this;
    }
    jobs.put(spec.jobId(), job);
    getContext().getLog().info("job {} ({}) submitted: {} units, {} restored from manifest",
        spec.jobId(), spec.kind(), job.units.size(), restored);
    m.replyTo().tell(new JobAccepted(spec.jobId(), job.units.size(), restored));
    commit(job);
    dispatch();
    updateMetrics();
    return this;
  }

  /** Marks units done that the job's manifest records as done; returns how many. */
  private static int restore(Job job) {
    if (job.manifest == null || !Files.isRegularFile(job.manifest)) {
      return 0;
    }
    JobManifest.Saved saved = JobManifest.read(job.manifest);
    if (!JobManifest.sameUnits(saved.spec(), job.spec)) {
      throw new InvalidInputException("manifest " + job.manifest + " belongs to a job with"
          + " different units (" + saved.spec() + "); use another output directory");
    }
    int restored = 0;
    for (JobManifest.SavedUnit su : saved.units().values()) {
      UnitRecord r = job.units.get(su.unitId());
      if (r != null && su.state() == UnitState.DONE) {
        r.result = su.result();
        r.attempts = su.attempts();
        r.worker = su.worker();
        job.transition(r, UnitState.DONE);
        job.queue.remove(r.id());
        restored++;
      }
    }
    return restored;
  }

  private Behavior<Command> onGetStatus(GetJobStatus m) {
    Job job = jobs.get(m.jobId());
    m.replyTo().tell(job == null ? JobStatus.unknown(m.jobId()) : job.status());
    return this;
  }

  private Behavior<Command> onAwait(AwaitJob m) {
    Job job = jobs.get(m.jobId());
    if (job == null) {
      m.replyTo().tell(JobStatus.unknown(m.jobId()));
    } else if (job.state.terminal()) {
      m.replyTo().tell(job.status());
    } else {
      job.waiters.add(m.replyTo());
    }
    return this;
  }

  private Behavior<Command> onCancel(CancelJob m) {
    Job job = jobs.get(m.jobId());
    if (job == null) {
      m.replyTo().tell(JobStatus.unknown(m.jobId()));
      return this;
    }
    if (!job.state.terminal()) {
      job.state = JobState.CANCELLED;
      job.queue.clear();
      getContext().getLog().info("job {} cancelled", job.spec.jobId());
      save(job);
      updateMetrics();
      notifyWaiters(job);
    }
    m.replyTo().tell(job.status());
    return this;
  }

  private Behavior<Command> onList(ListJobs m) {
    List<JobStatus> all = new ArrayList<>();
    for (Job job : jobs.values()) {
      all.add(job.status());
    }
    m.replyTo().tell(new JobList(all));
    return this;
  }

  // ---- workers ------------------------------------------------------------------------------

  private Behavior<Command> onRequestWork(RequestWork m) {
    WorkerInfo info = workers.get(m.replyTo());
    if (info == null) {
      info = new WorkerInfo(m.workerId(), List.copyOf(m.kinds()));
      workers.put(m.replyTo(), info);
      getContext().watchWith(m.replyTo(), new WorkerTerminated(m.replyTo()));
      getContext().getLog().debug("worker {} joined (kinds {})", info.id, info.kinds);
    } else {
      info.kinds = List.copyOf(m.kinds());
    }
    // A worker only asks when idle: a unit we think it holds was lost on the way.
    reissue(info, "worker asked for new work while holding it");
    idle.add(m.replyTo());
    dispatch();
    updateMetrics();
    return this;
  }

  private Behavior<Command> onCompleted(UnitCompleted m) {
    m.replyTo().tell(new Acknowledged(m.unitId()));
    release(m.replyTo(), m.jobId(), m.unitId());
    Job job = jobs.get(m.jobId());
    UnitRecord r = job == null ? null : job.units.get(m.unitId());
    if (r == null) {
      getContext().getLog().warn("completion of unknown unit {}/{} from {} ignored", m.jobId(),
          m.unitId(), m.workerId());
      return this;
    }
    if (r.state == UnitState.DONE) {
      getContext().getLog().debug("duplicate completion of {}/{} from {}", m.jobId(), m.unitId(),
          m.workerId());
      return this;
    }
    if (r.state == UnitState.RUNNING && r.assignedNanos != 0) {
      metrics.workUnitDuration().labelValues(job.spec.kind())
          .observe((System.nanoTime() - r.assignedNanos) / 1e9);
    }
    if (r.state == UnitState.PENDING) {
      job.queue.remove(r.id());
    }
    r.result = m.result();
    r.worker = m.workerId();
    r.error = "";
    job.transition(r, UnitState.DONE);
    commit(job);
    return this;
  }

  private Behavior<Command> onFailed(UnitFailed m) {
    m.replyTo().tell(new Acknowledged(m.unitId()));
    release(m.replyTo(), m.jobId(), m.unitId());
    Job job = jobs.get(m.jobId());
    UnitRecord r = job == null ? null : job.units.get(m.unitId());
    if (r == null || r.state != UnitState.RUNNING || !r.worker.equals(m.workerId())) {
      return this; // stale report: the unit moved on meanwhile
    }
    r.error = m.error();
    job.error(r.id(), m.error());
    getContext().getLog().warn("unit {}/{} failed on {} (attempt {} of {}): {}", m.jobId(),
        m.unitId(), m.workerId(), r.attempts, job.spec.maxAttempts(), m.error());
    if (r.attempts >= job.spec.maxAttempts() || job.state != JobState.RUNNING) {
      job.transition(r, UnitState.FAILED);
    } else {
      job.transition(r, UnitState.PENDING);
      job.queue.addLast(r.id());
      metrics.workUnitsReissued().inc();
    }
    commit(job);
    dispatch();
    updateMetrics();
    return this;
  }

  private Behavior<Command> onDecline(Decline m) {
    Job job = jobs.get(m.jobId());
    UnitRecord r = job == null ? null : job.units.get(m.unitId());
    if (r != null && r.state == UnitState.RUNNING && r.worker.equals(m.workerId())
        && r.attempts == m.attempt()) {
      r.attempts--;
      requeueFront(job, r);
      for (WorkerInfo info : workers.values()) {
        if (info.id.equals(m.workerId()) && m.unitId().equals(info.currentUnit)) {
          info.currentJob = null;
          info.currentUnit = null;
        }
      }
      dispatch();
      updateMetrics();
    }
    return this;
  }

  private Behavior<Command> onWorkerTerminated(WorkerTerminated m) {
    forget(m.worker(), "worker stopped");
    return this;
  }

  private Behavior<Command> onMemberGone(MemberGone m) {
    List<ActorRef<WorkerReply>> gone = new ArrayList<>();
    for (ActorRef<WorkerReply> w : workers.keySet()) {
      if (w.path().address().equals(m.address())) {
        gone.add(w);
      }
    }
    for (ActorRef<WorkerReply> w : gone) {
      getContext().unwatch(w);
      forget(w, "node " + m.address() + " " + m.why());
    }
    return this;
  }

  private void forget(ActorRef<WorkerReply> worker, String why) {
    WorkerInfo info = workers.remove(worker);
    idle.remove(worker);
    if (info != null) {
      reissue(info, why);
      dispatch();
      updateMetrics();
    }
  }

  /** Puts the unit a worker holds back at the front of its job's queue. */
  private void reissue(WorkerInfo info, String why) {
    if (info.currentUnit == null) {
      return;
    }
    Job job = jobs.get(info.currentJob);
    UnitRecord r = job == null ? null : job.units.get(info.currentUnit);
    info.currentJob = null;
    info.currentUnit = null;
    if (r == null || r.state != UnitState.RUNNING || !r.worker.equals(info.id)) {
      return;
    }
    getContext().getLog().info("re-issuing unit {}/{} of {} ({})", job.spec.jobId(), r.id(),
        info.id, why);
    requeueFront(job, r);
    metrics.workUnitsReissued().inc();
    save(job);
  }

  private void requeueFront(Job job, UnitRecord r) {
    if (job.state == JobState.RUNNING) {
      job.transition(r, UnitState.PENDING);
      job.queue.addFirst(r.id());
    } else {
      job.transition(r, UnitState.PENDING);
    }
  }

  /** Clears a worker's current unit if it is the one it just reported. */
  private void release(ActorRef<WorkerReply> worker, String jobId, String unitId) {
    WorkerInfo info = workers.get(worker);
    if (info != null && jobId.equals(info.currentJob) && unitId.equals(info.currentUnit)) {
      info.currentJob = null;
      info.currentUnit = null;
    }
  }

  /** Gives pending units to parked workers, oldest job first. */
  private void dispatch() {
    Iterator<ActorRef<WorkerReply>> it = idle.iterator();
    while (it.hasNext()) {
      ActorRef<WorkerReply> worker = it.next();
      WorkerInfo info = workers.get(worker);
      UnitRecord next = null;
      Job from = null;
      for (Job job : jobs.values()) {
        if (job.state == JobState.RUNNING && info.kinds.contains(job.spec.kind())) {
          next = poll(job);
          if (next != null) {
            from = job;
            break;
          }
        }
      }
      if (next == null) {
        continue;
      }
      it.remove();
      next.attempts++;
      next.worker = info.id;
      next.assignedNanos = System.nanoTime();
      from.transition(next, UnitState.RUNNING);
      info.currentJob = from.spec.jobId();
      info.currentUnit = next.id();
      worker.tell(new Assigned(next.unit.withAttempt(next.attempts)));
      save(from);
    }
    updateMetrics();
  }

  private static UnitRecord poll(Job job) {
    String id;
    while ((id = job.queue.pollFirst()) != null) {
      UnitRecord r = job.units.get(id);
      if (r.state == UnitState.PENDING) {
        return r;
      }
    }
    return null;
  }

  /**
   * Ends the job if every unit is settled, then saves its manifest and updates the unit gauges,
   * then tells waiters (so whoever learns that a job ended sees its final manifest and metrics).
   */
  private void commit(Job job) {
    boolean ended = job.settle();
    save(job);
    updateMetrics();
    if (ended) {
      getContext().getLog().info("{}", job.status().summary());
      notifyWaiters(job);
    }
  }

  private void notifyWaiters(Job job) {
    JobStatus status = job.status();
    for (ActorRef<JobStatus> w : job.waiters) {
      w.tell(status);
    }
    job.waiters.clear();
  }

  private void save(Job job) {
    if (job.manifest == null) {
      return;
    }
    try {
      JobManifest.write(job);
    } catch (IOException e) {
      getContext().getLog().error("cannot write manifest {}: {}", job.manifest, e.toString());
    }
  }

  private void updateMetrics() {
    int[] n = new int[UnitState.values().length];
    for (Job job : jobs.values()) {
      for (UnitState s : UnitState.values()) {
        n[s.ordinal()] += job.count(s);
      }
    }
    for (UnitState s : UnitState.values()) {
      metrics.workUnits().labelValues(s.label()).set(n[s.ordinal()]);
    }
  }
}
