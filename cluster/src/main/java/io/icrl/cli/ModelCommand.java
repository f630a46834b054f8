package io.icrl.cli;

import io.icrl.learner.checkpoint.ModelExport;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code icrl model ...}: package trained checkpoints as shippable models. */
@Command(name = "model", mixinStandardHelpOptions = true,
    description = "Package trained checkpoints as models to ship (see models/).",
    subcommands = {ModelCommand.Export.class})
final class ModelCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** {@code icrl model export --run RUN --recipe FILE --out DIR}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Copy a training run's checkpoint to DIR/checkpoint and write"
          + " DIR/model-manifest.json (recipe and its hash, seeds, dataset identity and settings,"
          + " steps, tokens, final losses). The result works with eval --checkpoint DIR."})
  static final class Export implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "RUN", description = "Training run.")
    Path run;

    @Option(names = "--recipe", required = true, paramLabel = "FILE",
        description = "The configuration file the run was made from.")
    Path recipe;

    @Option(names = "--data", paramLabel = "DIR",
        description = "The dataset the run trained on (default: the one its manifest names);"
            + " repeat for a run trained on several, in the order given to train.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
      Map<String, Object> m = ModelExport.export(run, recipe, data, out);
      @SuppressWarnings("unchecked")
      Map<String, Object> training = (Map<String, Object>) m.get("training");
      System.out.printf("model %s: step %s, %s tokens, final losses %s%n", out,
          training.get("steps"), training.get("tokens"), training.get("final-losses"));
      return 0;
    }
  }
}
