package io.icrl.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** icrl's version and the git commit of the working tree, for manifests and {@code --version}. */
public final class BuildInfo {
  private static final String UNKNOWN = "unknown";

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
    return p.getProperty("version", UNKNOWN);
  }

  /**
   * The git commit of the directory icrl runs in (read from {@code .git} without running git), or
   * "unknown".
   */
  public static String gitCommit() {
    return gitCommit(Path.of(System.getProperty("icrl.project.dir", ".")));
  }

  /**
   * The git commit checked out in {@code dir} or its nearest enclosing repository, or "unknown".
   * Reads a plain checkout ({@code .git} a directory) and a linked worktree or submodule ({@code
   * .git} a file naming the git directory, whose {@code commondir} holds the shared refs); a
   * branch's commit is looked up in loose refs, then in {@code packed-refs}.
   */
  public static String gitCommit(Path dir) {
    for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
      Path dotGit = d.resolve(".git");
      try {
        if (Files.isDirectory(dotGit)) {
          return headCommit(dotGit, dotGit);
        }
        if (Files.isRegularFile(dotGit)) {
          String link = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
          if (!link.startsWith("gitdir: ")) {
            return UNKNOWN;
          }
          Path gitDir = d.resolve(link.substring("gitdir: ".length()).trim()).normalize();
          Path common = gitDir;
          Path commonFile = gitDir.resolve("commondir");
          if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(
                Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize();
          }
          return headCommit(gitDir, common);
        }
      } catch (IOException e) {
        return UNKNOWN;
      }
    }
    return UNKNOWN;
  }

  /** HEAD of {@code gitDir}, a branch resolved through the refs of {@code commonDir}. */
  private static String headCommit(Path gitDir, Path commonDir) throws IOException {
    Path head = gitDir.resolve("HEAD");
    if (!Files.isRegularFile(head)) {
      return UNKNOWN;
    }
    String h = Files.readString(head, StandardCharsets.UTF_8).trim();
    if (!h.startsWith("ref: ")) {
      return h;
    }
    String ref = h.substring("ref: ".length());
    for (Path base : new Path[] {gitDir, commonDir}) {
      Path loose = base.resolve(ref);
      if (Files.isRegularFile(loose)) {
        return Files.readString(loose, StandardCharsets.UTF_8).trim();
      }
    }
    Path packed = commonDir.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        if (line.endsWith(" " + ref)) {
          return line.substring(0, line.indexOf(' '));
        }
      }
    }
    return UNKNOWN;
  }
}
