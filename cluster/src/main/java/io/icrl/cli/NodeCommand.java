package io.icrl.cli;

import picocli.CommandLine.Command;

/** {@code icrl node ...}: run cluster nodes. */
@Command(name = "node", description = "Run an icrl cluster node.",
    mixinStandardHelpOptions = true, subcommands = {NodeStartCommand.class})
final class NodeCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
