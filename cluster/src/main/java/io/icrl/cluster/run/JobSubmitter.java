package io.icrl.cluster.run;

import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Submits a job to the coordinator from inside a unit executor: the learner submits the
 * evaluation job of every snapshot it copies.
 */
@FunctionalInterface
public interface JobSubmitter {
  /** How long a submission waits for the coordinator's answer. */
  Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * Submits (or, if it runs already, re-confirms) {@code spec}.
   *
   * @throws IllegalStateException if the coordinator refuses the job
   * @throws Exception if it does not answer in time
   */
  void submit(JobSpec spec) throws Exception;

  /** A submitter asking {@code coordinator} (e.g. {@code IcrlNode.coordinator()}). */
  static JobSubmitter to(ActorSystem<?> system, ActorRef<Coordinator.Command> coordinator) {
    return spec -> {
      Coordinator.SubmitReply reply = AskPattern.<Coordinator.Command, Coordinator.SubmitReply>ask(
          coordinator, r -> new Coordinator.SubmitJob(spec, r), TIMEOUT, system.scheduler())
          .toCompletableFuture().get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
      if (reply instanceof Coordinator.JobRejected rejected) {
        throw new IllegalStateException("the coordinator refused job " + spec.jobId() + ": "
            + rejected.reason());
      }
    };
  }
}
