package io.icrl.cli;

import picocli.CommandLine.Command;

/** {@code icrl tasks ...}: sample, show, dump and replay tasks. */
@Command(name = "tasks", description = "Sample random MDPs and inspect tasks.",
    mixinStandardHelpOptions = true, subcommands = {TasksSampleCommand.class, TasksShowCommand.class,
        TasksDumpCommand.class, TasksReplayCommand.class})
final class TasksCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
