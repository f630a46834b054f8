package io.icrl.cli;

import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobSpec;
import io.icrl.cluster.job.JobState;
import io.icrl.cluster.job.JobStatus;
import io.icrl.core.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code icrl job submit CONFIG --cluster HOST:PORT}: submits the job under {@code
 * icrl.cluster.job} in CONFIG to the coordinator; with {@code --wait}, waits for it to end.
 * Exit code 0 when accepted (with --wait: completed), 1 when rejected or the job failed.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit a job (icrl.cluster.job in CONFIG) to a running cluster.")
final class JobSubmitCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "Job config file.")
  Path file;

  @Option(names = "--cluster", required = true, paramLabel = "HOST:PORT",
      description = "Any member of the cluster.")
  String cluster;

  @Option(names = "--wait", description = "Wait until the job has ended and print its status.")
  boolean waitForEnd;

  @Override
  public Integer call() {
    if (file != null) {
      if (config.file != null) {
        throw new InvalidInputException("give the job config either as CONFIG or --config");
      }
      config.file = file;
    }
    JobSpec job = JobSpec.from(config.load());
    PrintWriter out = spec.commandLine().getOut();
    try (JobClient client = JobClient.connect(config, cluster)) {
      Coordinator.SubmitReply reply = client.ask(r -> new Coordinator.SubmitJob(job, r),
          Duration.ofSeconds(30));
      if (reply instanceof Coordinator.JobRejected rejected) {
        spec.commandLine().getErr().println("job " + job.jobId() + " rejected: "
            + rejected.reason());
        return 1;
      }
      Coordinator.JobAccepted accepted = (Coordinator.JobAccepted) reply;
      out.printf("job %s accepted: %d units (%d already done)%n", accepted.jobId(),
          accepted.units(), accepted.alreadyDone());
      out.flush();
      if (!waitForEnd) {
        return 0;
      }
      JobStatus end = client.ask(r -> new Coordinator.AwaitJob(job.jobId(), r),
          Duration.ofDays(30));
      out.println(end.summary());
      end.errors().forEach(e -> out.println("  error " + e));
      out.flush();
      return end.state() == JobState.COMPLETED ? 0 : 1;
    }
  }
}
