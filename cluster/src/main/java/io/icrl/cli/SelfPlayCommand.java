package io.icrl.cli;

import com.typesafe.config.Config;
import io.icrl.eval.selfplay.SelfPlaySettings;
import io.icrl.synth.format.Manifest;
import io.icrl.tasks.TaskRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code icrl selfplay}: the in-context model plays its own training tasks online and the play is
 * written as a training dataset labelled with the optimal actions (see {@link io.icrl.eval.selfplay.SelfPlayJob}).
 */
@Command(name = "selfplay", mixinStandardHelpOptions = true,
    description = {"Write a dataset of the model's own online play on its training tasks,",
        "labelled with the optimal actions, to train on beside synthesized data",
        "(icrl train --data SYNTH --data SELFPLAY). Settings: icrl.eval.selfplay; the agent",
        "plays with icrl.eval.online's protocol; labels use icrl.synth.reference.gammas.",
        "Run again with the same --out to resume."})
final class SelfPlayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(names = "--checkpoint", required = true, paramLabel = "RUN",
      description = "Training run, checkpoint or model directory of the in-context model.")
  Path checkpoint;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory.")
  Path out;

  TaskRegistry registry = TaskRegistry.standard();

  @Override
  public Integer call() throws Exception {
    Config c = config.load();
    SelfPlayRun.Result r = SelfPlayRun.play(c, SelfPlaySettings.from(c), checkpoint, out,
        registry, spec.commandLine().getErr());
    Manifest m = r.manifest();
    PrintWriter o = spec.commandLine().getOut();
    o.printf("%-22s %s%n", "dataset", out.toAbsolutePath());
    o.printf("%-22s %s%n", "model", r.modelId());
    o.printf("%-22s %,d x %,d rows (%d shards)%n", "sequences", m.sequences(), m.steps(),
        m.shards().size());
    o.printf("%-22s %.1f%n", "seconds", m.wallSeconds());
    o.printf("%-22s %s%n", "train with", "icrl train --data <synthesized> --data " + out);
    o.flush();
    return 0;
  }
}
