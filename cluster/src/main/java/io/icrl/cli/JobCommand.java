package io.icrl.cli;

import picocli.CommandLine.Command;

/** {@code icrl job ...}: submit, inspect and cancel cluster jobs. */
@Command(name = "job", description = "Submit, inspect and cancel cluster jobs.",
    mixinStandardHelpOptions = true,
    subcommands = {JobSubmitCommand.class, JobStatusCommand.class, JobCancelCommand.class})
final class JobCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
