package io.icrl.cluster.run;

import com.typesafe.config.Config;
import io.icrl.cluster.job.JobSpec;
import io.icrl.core.InvalidInputException;
import io.icrl.eval.EvalSettings;
import io.icrl.learner.LearnerSettings;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.rollout.TaskSource;
import java.util.List;

/**
 * The coordinator jobs of one run. Synthesis: one unit per dataset shard (seed axis = the root
 * seed, sequence axis = sequence indices in chunks of {@code shard-sequences}), so unit k produces
 * exactly shard k of what {@code icrl synth} writes; its manifest is {@code RUN/job-manifest.json}.
 * Training and evaluation: one unit each, without a job manifest (they resume from the checkpoint
 * and from the sweep's cell journal).
 */
public record RunPlan(RunSettings settings, SynthSettings synth, JobSpec synthJob,
    JobSpec trainJob, JobSpec evalJob) {

  /**
   * Builds the plan of the run described by a loaded config. Every stage's settings are read now
   * and the task of sequence 0 is made, so bad input fails before any job starts.
   */
  public static RunPlan from(Config c) {
    RunSettings run = RunSettings.from(c);
    SynthSettings synth = SynthSettings.from(c);
    if (run.stages().contains(RunSettings.Stage.SYNTH)) {
      TaskSource tasks = new TaskSource(synth.task(), SynthUnitExecutor.registry());
      tasks.check(synth.seed());
    }
    if (run.stages().contains(RunSettings.Stage.TRAIN)) {
      LearnerSettings learner = LearnerSettings.from(c);
      int every = learner.train().checkpointEvery();
      if (run.evaluatesSnapshots() && run.evalEvery() % every != 0) {
        throw new InvalidInputException("setting icrl.cluster.run.eval-every = "
            + run.evalEvery() + ": expected a multiple of icrl.learner.train.checkpoint-every = "
            + every + " (checkpoints are what gets evaluated)");
      }
    }
    if (run.stages().contains(RunSettings.Stage.EVAL)) {
      EvalSettings.fromConfig(c);
    }
    String synthPayload = RunPayload.render(c, run, List.of("icrl.synth"));
    String evalPayload = RunPayload.render(c, run,
        List.of("icrl.eval", "icrl.synth", "icrl.cluster.run"));
    String trainPayload = RunPayload.render(c, run, List.of("icrl.learner", "icrl.cluster.run"));
    if (run.evaluatesSnapshots()) {
      trainPayload = RunPayload.with(trainPayload, RunPayload.EVAL_PAYLOAD, evalPayload);
    }
    JobSpec synthJob = new JobSpec(run.id() + "-synth", SynthUnitExecutor.KIND, synth.seed(), 1,
        synth.sequences(), 1, synth.shardSequences(), run.maxAttempts(), run.dir().toString(),
        synthPayload);
    JobSpec trainJob = new JobSpec(run.id() + "-train", TrainUnitExecutor.KIND, 0, 1, 1, 1, 1,
        run.maxAttempts(), "", trainPayload);
    JobSpec evalJob = new JobSpec(run.id() + "-eval", EvalUnitExecutor.KIND, 0, 1, 1, 1, 1,
        run.maxAttempts(), "", evalPayload);
    return new RunPlan(run, synth, synthJob, trainJob, evalJob);
  }

  /** Id prefix of the jobs evaluating snapshots of run {@code runId}. */
  public static String snapshotJobPrefix(String runId) {
    return runId + "-eval-step-";
  }

  /**
   * The job evaluating the snapshot of step {@code step} ({@code <id>-eval-step-N}, kind eval, one
   * unit, no job manifest): the run's evaluation payload plus the snapshot's step. The learner
   * submits it when it has copied that checkpoint.
   */
  public static JobSpec snapshotEvalJob(String runId, int maxAttempts, String evalPayload,
      long step) {
    return new JobSpec(snapshotJobPrefix(runId) + step, EvalUnitExecutor.KIND, 0, 1, 1, 1, 1,
        maxAttempts, "", RunPayload.with(evalPayload, RunPayload.SNAPSHOT_STEP, step));
  }

  /** The job of {@code stage}. */
  public JobSpec job(String stage) {
    return switch (stage) {
      case RunSettings.Stage.SYNTH -> synthJob;
      case RunSettings.Stage.TRAIN -> trainJob;
      case RunSettings.Stage.EVAL -> evalJob;
      default -> throw new IllegalArgumentException("unknown stage " + stage);
    };
  }
}
