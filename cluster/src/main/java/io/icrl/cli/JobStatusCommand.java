package io.icrl.cli;

import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code icrl job status [JOB] --cluster HOST:PORT}: one job's status, or every job's. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Print the status of a job (or of all jobs).")
final class JobStatusCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Parameters(index = "0", arity = "0..1", paramLabel = "JOB", description = "Job id.")
  String jobId;

  @Option(names = "--cluster", required = true, paramLabel = "HOST:PORT",
      description = "Any member of the cluster.")
  String cluster;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (JobClient client = JobClient.connect(config, cluster)) {
      if (jobId != null) {
        JobStatus s = client.ask(r -> new Coordinator.GetJobStatus(jobId, r),
            Duration.ofSeconds(30));
        out.println(s.summary());
        s.errors().forEach(e -> out.println("  error " + e));
      } else {
        Coordinator.JobList list = client.ask(Coordinator.ListJobs::new, Duration.ofSeconds(30));
        if (list.jobs().isEmpty()) {
          out.println("no jobs");
        }
        list.jobs().forEach(s -> out.println(s.summary()));
      }
      out.flush();
      return 0;
    }
  }
}
