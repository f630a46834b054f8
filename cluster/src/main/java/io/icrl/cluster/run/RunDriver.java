package io.icrl.cluster.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobSpec;
import io.icrl.cluster.job.JobState;
import io.icrl.cluster.job.JobStatus;
import io.icrl.core.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Drives a run from any cluster member: submits the jobs of the configured stages one after the
 * other (synth, then train, then eval), prints progress while each runs and, at the end, the
 * evaluation summary table ({@code RUN/eval/summary.txt}). Each stage resumes what an earlier,
 * interrupted run left: synthesis units recorded in {@code RUN/job-manifest.json} are not redone,
 * training continues from its checkpoint, the sweep from its cell journal.
 */
public final class RunDriver {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ActorSystem<?> system;
  private final ActorRef<Coordinator.Command> coordinator;
  private final PrintWriter out;

  public RunDriver(ActorSystem<?> system, ActorRef<Coordinator.Command> coordinator,
      PrintWriter out) {
    this.system = system;
    this.coordinator = coordinator;
    this.out = out;
  }

  /** What a run ended with. */
  public record Outcome(boolean completed, String failedStage, String summary) {}

  /**
   * Runs the plan's stages in order; stops at the first stage that does not complete.
   *
   * @throws InvalidInputException if the coordinator refuses a stage's job (e.g. the run directory
   *     holds another run)
   */
  public Outcome run(RunPlan plan) throws InterruptedException, IOException {
    RunSettings s = plan.settings();
    Files.createDirectories(s.dir());
    out.printf("run %s: stages %s, directory %s%n", s.id(), String.join(" -> ", s.stages()),
        s.dir());
    out.flush();
    for (String stage : s.stages()) {
      JobStatus end = runStage(stage, plan.job(stage), s);
      if (end.state() != JobState.COMPLETED) {
        out.printf("[%s] %s%n", stage, end.summary());
        end.errors().forEach(e -> out.println("  error " + e));
        out.flush();
        return new Outcome(false, stage, null);
      }
    }
    String summary = null;
    Path table = s.evalDir().resolve(EvalUnitExecutor.SUMMARY);
    if (s.stages().contains(RunSettings.Stage.EVAL) && Files.isRegularFile(table)) {
      summary = Files.readString(table);
      out.println();
      out.print(summary);
    }
    out.printf("run %s completed: %s%n", s.id(), s.dir());
    out.flush();
    return new Outcome(true, null, summary);
  }

  private JobStatus runStage(String stage, JobSpec spec, RunSettings s)
      throws InterruptedException {
    long t0 = System.nanoTime();
    Coordinator.SubmitReply reply = ask(r -> new Coordinator.SubmitJob(spec, r));
    if (reply instanceof Coordinator.JobRejected rejected) {
      throw new InvalidInputException("run " + s.id() + ": the coordinator refused the " + stage
          + " job: " + rejected.reason());
    }
    Coordinator.JobAccepted accepted = (Coordinator.JobAccepted) reply;
    out.printf("[%s] started: %d unit%s%s%n", stage, accepted.units(),
        accepted.units() == 1 ? "" : "s", accepted.alreadyDone() > 0 ? " (" + accepted.alreadyDone()
            + " already done, resuming)" : "");
    out.flush();
    long every = Math.max(POLL_MILLIS, s.progressInterval().toMillis());
    long lastPrint = System.nanoTime();
    String lastLine = "";
    while (true) {
      JobStatus st = ask(r -> new Coordinator.GetJobStatus(spec.jobId(), r));
      double secs = (System.nanoTime() - t0) / 1e9;
      if (st.state().terminal()) {
        if (st.state() == JobState.COMPLETED) {
          out.printf("[%s] done in %.1f s: %s%n", stage, secs, progress(stage, st, s));
          out.flush();
        }
        return st;
      }
      String line = progress(stage, st, s);
      if ((System.nanoTime() - lastPrint) / 1_000_000 >= every && !line.equals(lastLine)) {
        out.printf("[%s] %.0f s: %s%n", stage, secs, line);
        out.flush();
        lastPrint = System.nanoTime();
        lastLine = line;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static String progress(String stage, JobStatus st, RunSettings s) {
    return switch (stage) {
      case RunSettings.Stage.SYNTH -> String.format("%d/%d units, %d running, %,d steps, %.1f MB"
          + " streamed", st.done(), st.total(), st.running(), st.steps(), st.bytes() / 1e6);
      case RunSettings.Stage.TRAIN -> st.done() == st.total() ? "trained"
          : st.running() > 0 ? "training" + lastTrainingStep(s) : "waiting for a learner";
      default -> st.done() == st.total() ? "evaluated"
          : st.running() > 0 ? "evaluating" : "waiting for an evaluator";
    };
  }

  /** ", step N, loss L" from the last line of the training log, if this machine can read it. */
  private static String lastTrainingStep(RunSettings s) {
    Path log = s.trainDir().resolve("metrics.jsonl");
    if (!Files.isRegularFile(log)) {
      return "";
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, 4096);
      byte[] tail = new byte[n];
      f.seek(len - n);
      f.readFully(tail);
      String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\n");
      JsonNode last = JSON.readTree(lines[lines.length - 1]);
      return String.format(", step %d, loss %.4f", last.path("step").asLong(),
          last.path("loss").asDouble());
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private <T> T ask(Function<ActorRef<T>, Coordinator.Command> message)
      throws InterruptedException {
    try {
      return AskPattern.<Coordinator.Command, T>ask(coordinator, message::apply, ASK_TIMEOUT,
          system.scheduler()).toCompletableFuture()
          .get(ASK_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer from the coordinator within " + ASK_TIMEOUT
          + " (does the cluster have a node with role coordinator?)", e);
    }
  }
}
