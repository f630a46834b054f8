package io.icrl.cli;

import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobState;
import io.icrl.cluster.job.JobStatus;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code icrl job cancel JOB --cluster HOST:PORT}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Cancel a job: pending units are dropped.")
final class JobCancelCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Parameters(index = "0", paramLabel = "JOB", description = "Job id.")
  String jobId;

  @Option(names = "--cluster", required = true, paramLabel = "HOST:PORT",
      description = "Any member of the cluster.")
  String cluster;

  @Override
  public Integer call() {
    try (JobClient client = JobClient.connect(config, cluster)) {
      JobStatus s = client.ask(r -> new Coordinator.CancelJob(jobId, r), Duration.ofSeconds(30));
      spec.commandLine().getOut().println(s.summary());
      spec.commandLine().getOut().flush();
      return s.state() == JobState.UNKNOWN ? 1 : 0;
    }
  }
}
