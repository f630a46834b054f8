package io.icrl.cli;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.eval.selfplay.SelfPlaySettings;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.data.Datasets;
import io.icrl.learner.train.LearnerMetrics;
import io.icrl.learner.train.StepMetrics;
import io.icrl.learner.train.Trainer;
import io.icrl.synth.format.WindowSource;
import io.icrl.tasks.TaskRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code icrl train}: meta-train the transformer on a dataset into a run directory, with the
 * self-play rounds of {@code icrl.eval.selfplay.train-at-steps} if the config sets any.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train the learner on a dataset; checkpoints go to RUN/checkpoint.",
        "If icrl.eval.selfplay.train-at-steps lists steps, the run's checkpoint at each of them",
        "plays its training tasks into RUN/selfplay-<step> (as icrl selfplay) and training goes",
        "on with that play added to the data (--resume continues wherever it stopped)."})
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "Dataset directory (Arrow shards), or synthetic:sequences=N,steps=N,states=N,"
          + "actions=N,horizon=N,seed=N for generated rollouts. Repeat to train on several"
          + " datasets as one (their sequences concatenated, so each is sampled in proportion to"
          + " its rows), e.g. a synthesized dataset and one the model played (icrl selfplay).")
  List<String> data;

  @Option(names = "--out", required = true, paramLabel = "RUN",
      description = "Run directory (manifest.json, metrics.jsonl, checkpoint/).")
  Path out;

  @Mixin ConfigOptions config;

  @Option(names = "--max-steps", paramLabel = "N",
      description = "Stop after step N (default: icrl.learner.train.steps). The learning-rate"
          + " schedule keeps its configured length.")
  Long maxSteps;

  @Option(names = "--resume", description = "Continue the checkpoint in RUN exactly.")
  boolean resume;

  @Option(names = "--grow-data", description = "With --resume: go on with more data than the"
      + " checkpoint was trained on (its --data first, in the same order, then the added ones);"
      + " weights, optimizer and schedule continue, later batches come from the larger data.")
  boolean growData;

  TaskRegistry registry = TaskRegistry.standard();

  @Override
  public Integer call() throws Exception {
    Config c = config.load();
    LearnerSettings s = LearnerSettings.from(c);
    long steps = maxSteps != null ? maxSteps : s.train().steps();
    if (steps <= 0) {
      throw new InvalidInputException("--max-steps must be positive, got " + steps);
    }
    if (growData && !resume) {
      throw new InvalidInputException("--grow-data continues a checkpoint: pass --resume too");
    }
    SelfPlaySettings play = SelfPlaySettings.from(c);
    List<Long> rounds = play.trainAtSteps();
    if (!rounds.isEmpty() && rounds.get(rounds.size() - 1) >= s.train().steps()) {
      throw new InvalidInputException("setting " + SelfPlaySettings.PATH + ".train-at-steps = "
          + rounds + ": every round must come before the last training step ("
          + s.train().steps() + "), or no step trains on its play");
    }
    if (!rounds.isEmpty() && !resume && Checkpoint.locate(out).isPresent()) {
      throw new InvalidInputException(out + " already holds a checkpoint; pass --resume to"
          + " continue it (and its self-play rounds) or choose another --out");
    }
    PrintWriter err = spec.commandLine().getErr();
    // Self-play rounds (DAgger in one run): train to each round's step, let that checkpoint play
    // into RUN/selfplay-<step>, go on with the play added. A rerun with --resume skips what is done.
    List<String> dataNow = new ArrayList<>(data);
    long at = Checkpoint.locate(out).map(this::stepOf).orElse(0L);
    long from = resume ? at : 0;
    boolean resumeNext = resume;
    boolean grow = growData;
    Trainer.Summary sum = null;
    for (long round : rounds) {
      if (round > steps) {
        break;
      }
      if (at < round) {
        sum = train(c, s, dataNow, round, resumeNext, grow, err);
        at = round;
      }
      resumeNext = true;
      grow = true;
      Path dir = out.resolve("selfplay-" + round);
      if (at == round) { // the checkpoint of this step plays (again: a finished round is kept)
        SelfPlayRun.play(c, play.forTrainingRound(round), out, dir, registry, err);
      }
      dataNow.add(dir.toString());
    }
    if (sum == null || at < steps) {
      sum = train(c, s, dataNow, steps, resumeNext, grow, err);
    }
    printSummary(sum, from);
    return 0;
  }

  private long stepOf(Path checkpointDir) {
    try {
      return Checkpoint.readState(checkpointDir).step();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Trainer.Summary train(Config c, LearnerSettings s, List<String> on, long until,
      boolean resumeRun, boolean grow, PrintWriter err) throws Exception {
    try (WindowSource source = Datasets.open(on)) {
      err.printf("icrl train: preset %s, %d layers x %d, window %d, batch %d, dataset %s,"
          + " to step %d%n", s.preset(), s.model().layers(), s.model().dModel(),
          s.train().window(), s.train().batch(), source.datasetId(), until);
      Progress progress = new Progress(err, until, s.train().logEvery());
      try {
        return new Trainer(s, LearnerSettings.rawConfig(c), source, out, progress)
            .run(until, resumeRun, grow);
      } finally {
        progress.close();
      }
    }
  }

  private void printSummary(Trainer.Summary sum, long from) {
    PrintWriter o = spec.commandLine().getOut();
    o.println();
    o.printf("%-22s %s%n", "run", out.toAbsolutePath());
    o.printf("%-22s %s%n", "device", sum.device());
    o.printf("%-22s %,d%n", "parameters", sum.parameters());
    o.printf("%-22s %d -> %d%n", "steps", from, sum.endStep());
    StepMetrics m = sum.last();
    if (m != null) {
      o.printf("%-22s %.4f%n", "loss", m.loss());
      o.printf("%-22s %.4f%n", "policy loss", m.policyLoss());
      o.printf("%-22s %.4f%n", "next-state loss", m.nextStateLoss());
      o.printf("%-22s %.4f%n", "reward loss", m.rewardLoss());
      o.printf("%-22s %.3f%n", "action accuracy", m.accuracy());
      o.printf("%-22s %.3g%n", "learning rate", m.learningRate());
    }
    o.printf("%-22s %,.0f%n", "tokens/s (mean)", sum.meanTokensPerSecond());
    o.printf("%-22s %.1f%n", "seconds", sum.seconds());
    o.printf("%-22s %s%n", "checkpoint", sum.checkpoint());
    o.flush();
  }

  /** A progress bar on a terminal, a log line every log-every steps otherwise. */
  private static final class Progress implements LearnerMetrics {
    private final PrintWriter err;
    private final int every;
    private final ProgressBar bar;

    Progress(PrintWriter err, long max, int every) {
      this.err = err;
      this.every = every;
      this.bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName("train")
          .setInitialMax(max).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
          .build();
    }

    @Override
    public void onStep(StepMetrics m) {
      String msg = String.format("loss %.4f acc %.3f lr %.2e %,.0f tok/s", m.loss(),
          m.accuracy(), m.learningRate(), m.tokensPerSecond());
      if (bar != null) {
        bar.stepTo(m.step());
        bar.setExtraMessage(msg);
      } else if (m.step() % every == 0) {
        err.printf("step %d: %s, grad-norm %.3f%n", m.step(), msg, m.gradNorm());
        err.flush();
      }
    }

    @Override
    public void onCheckpoint(long step, Path dir) {
      if (bar == null) {
        err.printf("step %d: checkpoint %s%n", step, dir);
        err.flush();
      }
    }

    void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
