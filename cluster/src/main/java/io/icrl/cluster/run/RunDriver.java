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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Drives a run from any cluster member: submits the jobs of the configured stages (synth, then
 * train, then eval; with {@code icrl.cluster.run.overlap}, train starts while synth still runs),
 * prints progress while they run, waits for the evaluations of intermediate checkpoints ({@code
 * eval-every}) and, at the end, prints the evaluation summary table ({@code
 * RUN/eval/summary.txt}). Each stage resumes what an earlier, interrupted run left: synthesis units recorded in {@code RUN/job-manifest.json} are not redone,
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

  /** One submitted stage job being watched. */
  private final class StageRun {
    final String stage;
    final JobSpec spec;
    final long t0 = System.nanoTime();
    long lastPrint = System.nanoTime();
    String lastLine = "";
    JobStatus status;

    StageRun(String stage, JobSpec spec) {
      this.stage = stage;
      this.spec = spec;
    }

    /** Polls the job; prints progress at most every interval and "done" once it completed. */
    JobStatus poll(RunSettings s) throws InterruptedException {
      boolean wasTerminal = status != null && status.state().terminal();
      status = ask(r -> new Coordinator.GetJobStatus(spec.jobId(), r));
      double secs = (System.nanoTime() - t0) / 1e9;
      if (status.state().terminal()) {
        if (!wasTerminal && status.state() == JobState.COMPLETED) {
          out.printf("[%s] done in %.1f s: %s%n", stage, secs, progress(stage, status, s));
          out.flush();
        }
        return status;
      }
      String line = progress(stage, status, s);
      long every = Math.max(POLL_MILLIS, s.progressInterval().toMillis());
      if ((System.nanoTime() - lastPrint) / 1_000_000 >= every && !line.equals(lastLine)) {
        out.printf("[%s] %.0f s: %s%n", stage, secs, line);
        out.flush();
        lastPrint = System.nanoTime();
        lastLine = line;
      }
      return status;
    }
  }

  /**
   * Runs the plan's stages in order; stops at the first stage that does not complete. With
   * {@code icrl.cluster.run.overlap} (and both synth and train in the run), the train job is
   * submitted as soon as the synth job has {@code pool.min-shards} units done (their shards are
   * stored on the learner) and both are watched together. With {@code eval-every}, the
   * evaluations of the snapshots the learner submitted are awaited before the final evaluation.
   *
   * @throws InvalidInputException if the coordinator refuses a stage's job (e.g. the run directory
   *     holds another run)
   */
  public Outcome run(RunPlan plan) throws InterruptedException, IOException {
    RunSettings s = plan.settings();
    Files.createDirectories(s.dir());
    out.printf("run %s: stages %s%s, directory %s%n", s.id(), String.join(" -> ", s.stages()),
        s.overlapped() ? " (training overlaps synthesis)" : "", s.dir());
    out.flush();
    Set<String> reported = new HashSet<>();
    if (s.overlapped()) {
      String failed = runOverlapped(plan, reported);
      if (failed != null) {
        return new Outcome(false, failed, null);
      }
    }
    for (String stage : s.stages()) {
      if (s.overlapped() && !stage.equals(RunSettings.Stage.EVAL)) {
        continue;
      }
      if (stage.equals(RunSettings.Stage.EVAL) && s.evaluatesSnapshots()) {
        String failed = awaitSnapshotEvals(s, reported);
        if (failed != null) {
          return new Outcome(false, failed, null);
        }
      }
      JobStatus end = runStage(stage, plan.job(stage), s, reported);
      if (end.state() != JobState.COMPLETED) {
        failure(stage, end);
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

  /**
   * Synthesis and training together: the train job starts once the learner holds {@code
   * pool.min-shards} shards. Returns the failed stage, or null when both completed.
   */
  private String runOverlapped(RunPlan plan, Set<String> reported)
      throws InterruptedException {
    RunSettings s = plan.settings();
    StageRun synth = start(RunSettings.Stage.SYNTH, plan.synthJob(), "");
    StageRun train = null;
    while (true) {
      JobStatus st = synth.poll(s);
      if (train == null && (st.state() == JobState.COMPLETED
          || st.done() >= Math.min(s.poolMinShards(), st.total()))) {
        train = start(RunSettings.Stage.TRAIN, plan.trainJob(), String.format(
            " (overlapped: the learner holds %d of %d shards)", st.done(), st.total()));
      }
      if (st.state().terminal() && st.state() != JobState.COMPLETED) {
        failure(RunSettings.Stage.SYNTH, st);
        if (train != null) {
          StageRun t = train;
          this.<JobStatus>ask(r -> new Coordinator.CancelJob(t.spec.jobId(), r));
        }
        return RunSettings.Stage.SYNTH;
      }
      if (train != null) {
        JobStatus tr = train.poll(s);
        if (tr.state().terminal() && tr.state() != JobState.COMPLETED) {
          failure(RunSettings.Stage.TRAIN, tr);
          return RunSettings.Stage.TRAIN;
        }
        if (tr.state() == JobState.COMPLETED && st.state() == JobState.COMPLETED) {
          return null;
        }
      }
      if (s.evaluatesSnapshots()) {
        reportSnapshotEvals(s, reported);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private StageRun start(String stage, JobSpec spec, String note) throws InterruptedException {
    Coordinator.SubmitReply reply = ask(r -> new Coordinator.SubmitJob(spec, r));
    if (reply instanceof Coordinator.JobRejected rejected) {
      throw new InvalidInputException("run: the coordinator refused the " + stage + " job "
          + spec.jobId() + ": " + rejected.reason());
    }
    Coordinator.JobAccepted accepted = (Coordinator.JobAccepted) reply;
    out.printf("[%s] started: %d unit%s%s%s%n", stage, accepted.units(),
        accepted.units() == 1 ? "" : "s", accepted.alreadyDone() > 0 ? " (" + accepted.alreadyDone()
            + " already done, resuming)" : "", note);
    out.flush();
    return new StageRun(stage, spec);
  }

  private JobStatus runStage(String stage, JobSpec spec, RunSettings s, Set<String> reported)
      throws InterruptedException {
    StageRun run = start(stage, spec, "");
    while (true) {
      JobStatus st = run.poll(s);
      if (st.state().terminal()) {
        return st;
      }
      if (s.evaluatesSnapshots() && stage.equals(RunSettings.Stage.TRAIN)) {
        reportSnapshotEvals(s, reported);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private void failure(String stage, JobStatus end) {
    out.printf("[%s] %s%n", stage, end.summary());
    end.errors().forEach(e -> out.println("  error " + e));
    out.flush();
  }

  /** The snapshot evaluation jobs of this run the coordinator knows, by id. */
  private List<JobStatus> snapshotJobs(RunSettings s) throws InterruptedException {
    String prefix = RunPlan.snapshotJobPrefix(s.id());
    Coordinator.JobList all = ask(Coordinator.ListJobs::new);
    List<JobStatus> mine = new ArrayList<>();
    for (JobStatus j : all.jobs()) {
      if (j.jobId().startsWith(prefix)) {
        mine.add(j);
      }
    }
    mine.sort(Comparator.comparingLong(j -> step(s, j.jobId())));
    return mine;
  }

  /** Prints a line for each snapshot evaluation that ended since the last call. */
  private void reportSnapshotEvals(RunSettings s, Set<String> reported)
      throws InterruptedException {
    for (JobStatus j : snapshotJobs(s)) {
      if (j.state().terminal() && reported.add(j.jobId())) {
        long step = step(s, j.jobId());
        if (j.state() == JobState.COMPLETED) {
          out.printf("[eval step-%d] done: %s%n", step, s.snapshotEvalDir(step));
        } else {
          out.printf("[eval step-%d] %s%n", step, j.summary());
          j.errors().forEach(e -> out.println("  error " + e));
        }
        out.flush();
      }
    }
  }

  /**
   * Waits for every snapshot evaluation the learner submitted; returns the first failed one's
   * stage name ({@code eval step-N}), or null.
   */
  private String awaitSnapshotEvals(RunSettings s, Set<String> reported)
      throws InterruptedException {
    String failed = null;
    for (JobStatus j : snapshotJobs(s)) {
      JobStatus end = j.state().terminal() ? j : ask(r -> new Coordinator.AwaitJob(j.jobId(), r),
          Duration.ofDays(7));
      if (!end.state().terminal()) {
        continue;
      }
      reportSnapshotEvals(s, reported);
      if (end.state() != JobState.COMPLETED && failed == null) {
        failed = "eval step-" + step(s, j.jobId());
      }
    }
    return failed;
  }

  private static long step(RunSettings s, String jobId) {
    try {
      return Long.parseLong(jobId.substring(RunPlan.snapshotJobPrefix(s.id()).length()));
    } catch (NumberFormatException e) {
      return -1;
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
      if (len == 0) {
        return "";
      }
      int n = (int) Math.min(len, 4096);
      byte[] tail = new byte[n];
      f.seek(len - n);
      f.readFully(tail);
      String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\n");
      JsonNode last = JSON.readTree(lines[lines.length - 1]);
      if (!last.has("step")) {
        return "";
      }
      return String.format(", step %d, loss %.4f", last.path("step").asLong(),
          last.path("loss").asDouble());
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private <T> T ask(Function<ActorRef<T>, Coordinator.Command> message)
      throws InterruptedException {
    return ask(message, ASK_TIMEOUT);
  }

  private <T> T ask(Function<ActorRef<T>, Coordinator.Command> message, Duration timeout)
      throws InterruptedException {
    try {
      return AskPattern.<Coordinator.Command, T>ask(coordinator, message::apply, timeout,
          system.scheduler()).toCompletableFuture()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer from the coordinator within " + timeout
          + " (does the cluster have a node with role coordinator?)", e);
    }
  }
}
