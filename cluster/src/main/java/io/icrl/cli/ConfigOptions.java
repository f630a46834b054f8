package io.icrl.cli;

import com.typesafe.config.Config;
import io.icrl.core.StrictConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --config FILE} and repeatable {@code --set key=value} options shared by commands. */
public final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "HOCON file with icrl settings.")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set icrl.synth.steps=2000 (repeatable).")
  List<String> sets = new ArrayList<>();

  /** Loads the strict, validated configuration (reference.conf < file < -D < --set). */
  public Config load() {
    return StrictConfig.load(file, sets);
  }

  /** Loads with extra overrides (from dedicated flags) that win over {@code --set}. */
  public Config load(List<String> extra) {
    List<String> all = new ArrayList<>(sets);
    all.addAll(extra);
    return StrictConfig.load(file, all);
  }
}
