package io.icrl.cluster.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A cluster node in a child JVM ({@code icrl node start ...}) started with this JVM's classpath
 * and the JVM flags icrl needs; its output goes to a log file.
 */
public final class NodeProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private NodeProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code icrl node start <args>} in a new JVM, logging to {@code log}. */
  public static NodeProcess start(Path log, List<String> jvmOptions, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    cmd.add("-Xss4m");
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.icrl.cli.Main", "node",
        "start"));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    return new NodeProcess(p, log);
  }

  /** The child's log file. */
  public Path log() {
    return log;
  }

  /** CPU time the child has used so far (seconds), or NaN if the OS does not tell. */
  public double cpuSeconds() {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM (the node leaves the cluster gracefully); waits at most 30 s, then kills it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
