package io.icrl.cli;

import io.icrl.core.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code icrl} command line. Exit codes: 0 ok, 2 usage or bad input, 1 failure.
 */
@Command(name = "icrl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Meta-train in-context RL agents: generate tasks, synthesize data, train, evaluate.",
    subcommands = {
        RunCommand.class,
        TasksCommand.class,
        SynthCommand.class,
        DataCommand.class,
        EvalCommand.class,
        NodeCommand.class,
        JobCommand.class,
        TrainCommand.class,
        SelfPlayCommand.class,
        ModelCommand.class,
        BenchCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** Builds the command line with icrl's error handling (bad input -> exit code 2). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      Throwable root = ex;
      while (root.getCause() != null && !(root instanceof InvalidInputException)) {
        root = root.getCause();
      }
      if (root instanceof InvalidInputException bad) {
        cmd.getErr().println("error: " + bad.getMessage());
        return 2;
      }
      cmd.getErr().println("failed: " + ex);
      ex.printStackTrace(cmd.getErr());
      return 1;
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("error: " + ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return 2;
    });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
