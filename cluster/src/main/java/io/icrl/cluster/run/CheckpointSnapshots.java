package io.icrl.cluster.run;

import io.icrl.core.AtomicFiles;
import io.icrl.learner.checkpoint.Checkpoint;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner's side of evaluating intermediate checkpoints ({@code icrl.cluster.run.eval-every}):
 * when the trainer has written the checkpoint of a step that is a multiple of {@code eval-every},
 * its weights and state ({@code model.params}, {@code state.json}; not the optimizer moments) are
 * copied crash-safely to {@code RUN/train/snapshots/step-N/} (files fsynced into a temporary
 * directory, renamed into place) and the evaluation job of that snapshot is submitted ({@link
 * RunPlan#snapshotEvalJob}); an evaluator writes {@code RUN/eval/step-N/}.
 *
 * <p>On a restart ({@link #catchUp}) a checkpoint whose copy a crash prevented is copied, and the
 * evaluation of every snapshot without {@code RUN/eval/step-N/summary.txt} (as far as this node
 * can see) is submitted again (the sweep resumes from its cell journal).
 */
final class CheckpointSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointSnapshots.class);
  private static final String PREFIX = "step-";

  private final RunSettings run;
  private final String evalPayload;
  private final JobSubmitter submitter;

  CheckpointSnapshots(RunSettings run, String evalPayload, JobSubmitter submitter) {
    this.run = run;
    this.evalPayload = evalPayload;
    this.submitter = submitter;
  }

  /** After the trainer wrote the checkpoint of {@code step} into {@code checkpoint}. */
  void onCheckpoint(long step, Path checkpoint) throws Exception {
    if (step % run.evalEvery() != 0) {
      return;
    }
    Checkpoint.copy(checkpoint, run.snapshotDir(step), Checkpoint.WEIGHTS);
    LOG.info("train: checkpoint of step {} copied to {}; submitting its evaluation", step,
        run.snapshotDir(step));
    submit(step);
  }

  /**
   * Before training (re)starts from {@code checkpoint} (if any): copies it if its step should have
   * a snapshot and has none, and submits the evaluation of every snapshot not evaluated yet.
   */
  void catchUp(Optional<Path> checkpoint) throws Exception {
    Path dir = run.snapshotsDir();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + PREFIX + "*.tmp-*")) {
        for (Path p : ds) {
          AtomicFiles.deleteTree(p);
        }
      }
    }
    if (checkpoint.isPresent()) {
      long step = Checkpoint.readState(checkpoint.get()).step();
      if (step > 0 && step % run.evalEvery() == 0 && !complete(run.snapshotDir(step))) {
        Checkpoint.copy(checkpoint.get(), run.snapshotDir(step), Checkpoint.WEIGHTS);
      }
    }
    for (long step : snapshots()) {
      if (!Files.isRegularFile(run.snapshotEvalDir(step).resolve(EvalUnitExecutor.SUMMARY))) {
        LOG.info("train: snapshot of step {} has no evaluation yet; submitting it", step);
        submit(step);
      }
    }
  }

  /** Steps of the complete snapshots on disk, ascending. */
  TreeSet<Long> snapshots() throws IOException {
    TreeSet<Long> steps = new TreeSet<>();
    Path dir = run.snapshotsDir();
    if (!Files.isDirectory(dir)) {
      return steps;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path p : ds) {
        String n = p.getFileName().toString().substring(PREFIX.length());
        if (n.matches("[0-9]{1,18}") && complete(p)) {
          steps.add(Long.parseLong(n));
        }
      }
    }
    return steps;
  }

  private void submit(long step) throws Exception {
    submitter.submit(RunPlan.snapshotEvalJob(run.id(), run.maxAttempts(), evalPayload, step));
  }

  private static boolean complete(Path snapshot) {
    return Files.isRegularFile(snapshot.resolve(Checkpoint.STATE))
        && Files.isRegularFile(snapshot.resolve(Checkpoint.PARAMS));
  }
}
