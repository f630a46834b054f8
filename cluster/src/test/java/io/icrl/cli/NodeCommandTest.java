package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NodeCommandTest {
  @TempDir
  Path dir;

  /** Runs the CLI; returns {exit code, stdout, stderr}. */
  static Object[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Object[] {code, out.toString(), err.toString()};
  }

  static final String[] TEST_NODE = {"--set", "icrl.cluster.node.exit-jvm=off", "--set",
      "icrl.cluster.metrics.jvm=off"};

  static String[] args(String... a) {
    String[] all = new String[a.length + TEST_NODE.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(TEST_NODE, 0, all, a.length, TEST_NODE.length);
    return all;
  }

  @Test
  void malformedSeedNodesExitWith2() {
    Object[] r = run(args("node", "start", "--port", "0", "--metrics-port", "0", "--seed-nodes",
        "127.0.0.1:25520,nohostport"));
    assertEquals(2, r[0]);
    assertTrue(((String) r[2]).contains("--seed-nodes: malformed seed node 'nohostport'"),
        (String) r[2]);
  }

  @Test
  void unknownRolesExitWith2() {
    Object[] r = run(args("node", "start", "--roles", "synth,trainer", "--port", "0"));
    assertEquals(2, r[0]);
    assertTrue(((String) r[2]).contains("--roles: unknown role 'trainer'"), (String) r[2]);
  }

  @Test
  void portsInUseExitWith2NamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Object[] r = run(args("node", "start", "--port", String.valueOf(port), "--metrics-port",
          "0"));
      assertEquals(2, r[0]);
      assertTrue(((String) r[2]).contains("port " + port + " on 127.0.0.1 is already in use"),
          (String) r[2]);
      Object[] m = run(args("node", "start", "--port", "0", "--metrics-port",
          String.valueOf(port)));
      assertEquals(2, m[0]);
      assertTrue(((String) m[2]).contains("metrics: port " + port), (String) m[2]);
    }
    Object[] bad = run(args("node", "start", "--port", "70000"));
    assertEquals(2, bad[0]);
  }

  @Test
  void nodeStartBlocksUntilTerminatedAndJobSubmitRunsAJobOnIt() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(args(
        "node", "start", "--roles", "coordinator,synth", "--port", "0", "--metrics-port", "0",
        "--cpus", "1", "--set", "icrl.cluster.worker.slots=1")));
    NodeStartCommand cmd = cl.getSubcommands().get("node").getSubcommands().get("start")
        .getCommand();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (cmd.node == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(cmd.node != null, "node started; output: " + out);
    cmd.node.awaitUp(Duration.ofSeconds(15));
    assertTrue(!exit.isDone(), "node start blocks while the node runs");

    Path job = dir.resolve("job.conf");
    Files.writeString(job, "icrl.cluster.job { id = cli-job, kind = checksum, seed-count = 3,"
        + " sequences-per-task = 2, seeds-per-unit = 2, sequences-per-unit = 1,"
        + " output-dir = \"" + dir.resolve("out") + "\" }\n");
    Object[] submitted = run("job", "submit", job.toString(), "--cluster",
        "127.0.0.1:" + cmd.node.port(), "--wait");
    assertEquals(0, submitted[0], (String) submitted[2]);
    assertTrue(((String) submitted[1]).contains("job cli-job accepted: 4 units (0 already done)"),
        (String) submitted[1]);
    assertTrue(((String) submitted[1]).contains("job cli-job (checksum): completed, 4/4 units done"),
        (String) submitted[1]);
    assertTrue(Files.readString(dir.resolve("out/job-manifest.json")).contains("\"completed\""));

    Object[] status = run("job", "status", "--cluster", "127.0.0.1:" + cmd.node.port());
    assertEquals(0, status[0], (String) status[2]);
    assertTrue(((String) status[1]).contains("job cli-job (checksum): completed"));

    cmd.node.terminate();
    assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    assertTrue(out.toString().contains("is up, metrics at http://127.0.0.1:"), out.toString());
  }
}
