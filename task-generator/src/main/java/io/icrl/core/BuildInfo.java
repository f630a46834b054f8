package io.icrl.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** icrl's version and the git commit of the working tree, for manifests and {@code --version}. */
public final class BuildInfo {
  private BuildInfo() {}

  /** The project version, from the jar's build properties. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/icrl-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // fall through to "unknown"
    }
    return p.getProperty("version", "unknown");
  }

  /**
   * The git commit of the directory icrl runs in (read from {@code .git} without running git), or
   * "unknown".
   */
  public static String gitCommit() {
    Path dir = Path.of(System.getProperty("icrl.project.dir", ".")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path head = d.resolve(".git").resolve("HEAD");
      if (Files.isRegularFile(head)) {
        try {
          String h = Files.readString(head, StandardCharsets.UTF_8).trim();
          if (h.startsWith("ref: ")) {
            Path ref = d.resolve(".git").resolve(h.substring(5));
            if (Files.isRegularFile(ref)) {
              return Files.readString(ref, StandardCharsets.UTF_8).trim();
            }
            Path packed = d.resolve(".git").resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
              for (String line : Files.readAllLines(packed)) {
                if (line.endsWith(" " + h.substring(5))) {
                  return line.substring(0, line.indexOf(' '));
                }
              }
            }
            return "unknown";
          }
          return h;
        } catch (IOException e) {
          return "unknown";
        }
      }
    }
    return "unknown";
  }
}
