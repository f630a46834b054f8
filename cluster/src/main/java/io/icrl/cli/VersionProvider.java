package io.icrl.cli;

import io.icrl.core.BuildInfo;
import picocli.CommandLine;

/** Prints icrl's version and the git commit it was built from. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"icrl " + BuildInfo.version() + " (commit " + BuildInfo.gitCommit() + ")"};
  }
}
