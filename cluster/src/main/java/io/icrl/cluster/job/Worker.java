package io.icrl.cluster.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Pulls work units from the {@link Coordinator} one at a time and runs each with the {@link
 * UnitExecutor} registered for its kind, on Pekko's blocking-I/O dispatcher so the actor stays
 * responsive. After a unit it reports the result and re-sends the report until the coordinator
 * acknowledges it; only then does it ask for the next unit.
 */
public final class Worker extends AbstractBehavior<Worker.Command> {
  /** Messages a worker accepts (the coordinator's {@link Coordinator.WorkerReply}s). */
  public interface Command extends io.icrl.cluster.serialization.ClusterMessage {}

  private record Executed(WorkUnit unit, UnitResult result, String error)
      implements Command, NoSerializationVerificationNeeded {}

  private enum Tick implements Command, NoSerializationVerificationNeeded { IDLE, RESEND }

  private final ActorRef<Coordinator.Command> coordinator;
  private final Map<String, UnitExecutor> executors;
  private final List<String> kinds;
  private final WorkerSettings settings;
  private final TimerScheduler<Command> timers;
  private final Executor blocking;
  private final String workerId;
  private WorkUnit running;
  private Coordinator.Command unacknowledged;
  private String unacknowledgedUnit;

  private Worker(ActorContext<Command> context, TimerScheduler<Command> timers,
      ActorRef<Coordinator.Command> coordinator, Map<String, UnitExecutor> executors,
      WorkerSettings settings) {
    super(context);
    this.timers = timers;
    this.coordinator = coordinator;
    this.executors = Map.copyOf(executors);
    this.kinds = executors.keySet().stream().sorted().toList();
    this.settings = settings;
    this.blocking = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
    this.workerId = context.getSelf().path().toStringWithAddress(
        context.getSystem().address());
    requestWork();
  }

  /**
   * A worker pulling units of the given kinds from {@code coordinator}.
   *
   * @param executors executor per job kind this worker can run
   */
  public static Behavior<Command> create(ActorRef<Coordinator.Command> coordinator,
      Map<String, UnitExecutor> executors, WorkerSettings settings) {
    if (executors.isEmpty()) {
      throw new IllegalArgumentException("a worker needs at least one executor");
    }
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new Worker(ctx, timers, coordinator, executors, settings)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Coordinator.Assigned.class, this::onAssigned)
        .onMessage(Executed.class, this::onExecuted)
        .onMessage(Coordinator.Acknowledged.class, this::onAcknowledged)
        .onMessageEquals(Tick.IDLE, this::onIdleTick)
        .onMessageEquals(Tick.RESEND, this::onResend)
        .build();
  }

  private Behavior<Command> onAssigned(Coordinator.Assigned m) {
    WorkUnit unit = m.unit();
    if (running != null || unacknowledged != null) {
      coordinator.tell(new Coordinator.Decline(workerId, unit.jobId(), unit.unitId(),
          unit.attempt()));
      return this;
    }
    timers.cancel(Tick.IDLE);
    running = unit;
    UnitExecutor executor = executors.get(unit.kind());
    CompletableFuture<UnitResult> future = executor == null
        ? CompletableFuture.failedFuture(new IllegalStateException("no executor for kind "
            + unit.kind()))
        : CompletableFuture.supplyAsync(() -> {
          try {
            return executor.execute(unit);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        }, blocking);
    getContext().pipeToSelf(future, (result, error) -> new Executed(unit, result,
        error == null ? null : describe(error)));
    return this;
  }

  private Behavior<Command> onExecuted(Executed m) {
    if (running == null || !running.unitId().equals(m.unit().unitId())
        || !running.jobId().equals(m.unit().jobId())) {
      return this;
    }
    running = null;
    WorkUnit u = m.unit();
    ActorRef<Coordinator.WorkerReply> self = getContext().getSelf().narrow();
    if (m.error() == null) {
      unacknowledged = new Coordinator.UnitCompleted(workerId, u.jobId(), u.unitId(), u.attempt(),
          m.result(), self);
    } else {
      getContext().getLog().warn("unit {}/{} failed: {}", u.jobId(), u.unitId(), m.error());
      unacknowledged = new Coordinator.UnitFailed(workerId, u.jobId(), u.unitId(), u.attempt(),
          m.error(), self);
    }
    unacknowledgedUnit = u.unitId();
    coordinator.tell(unacknowledged);
    timers.startTimerWithFixedDelay(Tick.RESEND, settings.reportResend());
    return this;
  }

  private Behavior<Command> onAcknowledged(Coordinator.Acknowledged m) {
    if (unacknowledged != null && m.unitId().equals(unacknowledgedUnit)) {
      unacknowledged = null;
      unacknowledgedUnit = null;
      timers.cancel(Tick.RESEND);
      requestWork();
    }
    return this;
  }

  private Behavior<Command> onIdleTick() {
    if (running == null && unacknowledged == null) {
      coordinator.tell(new Coordinator.RequestWork(workerId, kinds,
          getContext().getSelf().narrow()));
    }
    return this;
  }

  private Behavior<Command> onResend() {
    if (unacknowledged != null) {
      coordinator.tell(unacknowledged);
    }
    return this;
  }

  private void requestWork() {
    coordinator.tell(new Coordinator.RequestWork(workerId, kinds,
        getContext().getSelf().narrow()));
    timers.startTimerWithFixedDelay(Tick.IDLE, settings.idleRerequest());
  }

  private static String describe(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof java.util.concurrent
        .ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
