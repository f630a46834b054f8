package io.icrl.cli;

import com.typesafe.config.Config;
import io.icrl.cluster.node.IcrlNode;
import io.icrl.cluster.run.RunDriver;
import io.icrl.cluster.run.RunPlan;
import io.icrl.cluster.run.RunRoles;
import io.icrl.core.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code icrl run [CONFIG]}: the whole pipeline (synth -> train -> eval) of the job in CONFIG.
 * Without {@code --cluster}, in one JVM: a single-node Pekko cluster holding every role, the same
 * actors, work pulling and shard streaming as a real cluster. With {@code --cluster HOST:PORT},
 * the stages are submitted to a running cluster and this process only drives and reports. Running
 * the same command again resumes an interrupted run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a job end to end: synthesize data, train, evaluate; print the summary.",
        "CONFIG defaults to configs/jobs/local.conf. Rerunning resumes an interrupted run."})
final class RunCommand implements Callable<Integer> {
  /** The default job, relative to the project directory. */
  static final String DEFAULT_JOB = "configs/jobs/local.conf";
  private static final Duration UP_TIMEOUT = Duration.ofSeconds(60);

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ConfigOptions config = new ConfigOptions();

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
      description = "Job config (HOCON: icrl.cluster.job, icrl.synth, icrl.learner, icrl.eval,"
          + " icrl.cluster.run).")
  Path file;

  @Option(names = "--out", paramLabel = "RUN",
      description = "Run directory (default: icrl.cluster.job.output-dir, else runs/<id>).")
  Path out;

  @Option(names = "--stages", split = ",", paramLabel = "STAGE",
      description = "Stages to run: synth, train, eval (default: icrl.cluster.run.stages).")
  List<String> stages;

  @Option(names = "--cluster", paramLabel = "HOST:PORT",
      description = "Submit to a running cluster (any member) instead of running in this JVM.")
  String cluster;

  @Option(names = "--metrics-port", paramLabel = "N",
      description = "Port of this JVM's /metrics endpoint in the embedded run (default: any free"
          + " port).")
  Integer metricsPort;

  @Override
  public Integer call() throws Exception {
    if (file != null && config.file != null) {
      throw new InvalidInputException("give the job config either as CONFIG or --config");
    }
    if (file != null) {
      config.file = file;
    } else if (config.file == null) {
      config.file = defaultJob();
    }
    List<String> extra = new ArrayList<>();
    if (out != null) {
      extra.add("icrl.cluster.job.output-dir=" + Hocon.string(out.toString()));
    }
    if (stages != null) {
      extra.add("icrl.cluster.run.stages=" + Hocon.list(stages));
    }
    PrintWriter o = spec.commandLine().getOut();
    if (cluster != null) {
      if (metricsPort != null) {
        throw new InvalidInputException("--metrics-port applies to the embedded run only");
      }
      Config c = config.load(extra);
      RunPlan plan = RunPlan.from(c);
      try (JobClient client = JobClient.connect(config, cluster)) {
        RunDriver.Outcome r = new RunDriver(client.node().system(), client.node().coordinator(),
            o).run(plan);
        return r.completed() ? 0 : 1;
      }
    }
    extra.addAll(List.of("icrl.cluster.node.port=0", "icrl.cluster.node.seed-nodes=[]",
        "icrl.cluster.node.exit-jvm=off",
        "icrl.cluster.node.roles=[coordinator,synth,learner,evaluator]"));
    if (metricsPort != null) {
      NodeStartCommand.checkPort("--metrics-port", metricsPort);
    }
    extra.add("icrl.cluster.metrics.port=" + (metricsPort == null ? 0 : metricsPort));
    Config c = config.load(extra);
    RunPlan plan = RunPlan.from(c);
    try (IcrlNode node = IcrlNode.start(c)) {
      RunRoles.install(node, c);
      node.awaitUp(UP_TIMEOUT);
      if (node.metricsPort() >= 0) {
        o.printf("embedded cluster up (one JVM, all roles); metrics at http://%s:%d/metrics%n",
            c.getString("icrl.cluster.metrics.hostname"), node.metricsPort());
      }
      RunDriver.Outcome r = new RunDriver(node.system(), node.coordinator(), o).run(plan);
      return r.completed() ? 0 : 1;
    }
  }

  /** configs/jobs/local.conf of the project (the launcher passes its directory), if present. */
  private static Path defaultJob() {
    String dir = System.getProperty("icrl.project.dir");
    Path p = (dir == null ? Path.of(DEFAULT_JOB) : Path.of(dir).resolve(DEFAULT_JOB));
    if (!Files.isRegularFile(p)) {
      throw new InvalidInputException("no CONFIG given and the default job " + p + " does not"
          + " exist; pass a job config");
    }
    return p;
  }
}
