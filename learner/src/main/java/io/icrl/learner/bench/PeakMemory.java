package io.icrl.learner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory of this process (JVM heap plus native engine memory), from /proc. */
public final class PeakMemory {
  private PeakMemory() {}

  /** Peak resident set size in MiB ({@code VmHWM}), or -1 where /proc is not available. */
  public static double residentMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
