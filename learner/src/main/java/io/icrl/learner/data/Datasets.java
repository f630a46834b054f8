package io.icrl.learner.data;

import io.icrl.core.InvalidInputException;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.WindowSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the {@link WindowSource} for a {@code --data} argument: a {@code synthetic:k=v,...} spec
 * (generated in memory, see {@link SyntheticRollouts}) or a directory of icrl Arrow shards written
 * by {@code icrl synth}, opened and checksum-verified by {@link Dataset}.
 */
public final class Datasets {
  private Datasets() {}

  /**
   * One source for several {@code --data} arguments: the dataset itself for one, their
   * concatenation ({@link ConcatWindowSource}) for more. On failure, the ones already opened are
   * closed.
   */
  public static WindowSource open(List<String> specs) {
    if (specs.isEmpty()) {
      throw new InvalidInputException("no data: give at least one dataset");
    }
    if (specs.size() == 1) {
      return open(specs.get(0));
    }
    List<WindowSource> parts = new ArrayList<>();
    try {
      for (String spec : specs) {
        parts.add(open(spec));
      }
      return ConcatWindowSource.of(parts);
    } catch (RuntimeException e) {
      for (WindowSource p : parts) {
        try {
          p.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  public static WindowSource open(String spec) {
    if (spec.startsWith("synthetic:") || spec.equals("synthetic")) {
      return SyntheticRollouts.generate(SyntheticRollouts.parse(spec));
    }
    Path dir = Path.of(spec);
    if (!Files.exists(dir)) {
      throw new InvalidInputException("no data: " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("no data: " + dir + " is not a directory");
    }
    if (isEmpty(dir)) {
      throw new InvalidInputException("no data: directory " + dir + " is empty");
    }
    if (!Files.isRegularFile(dir.resolve(Manifest.FILE))) {
      throw new InvalidInputException("no data: " + dir + " has no " + Manifest.FILE
          + " (not an icrl dataset; make one with ./icrl synth, or use"
          + " --data synthetic:sequences=N,steps=N,states=N,actions=N)");
    }
    return Dataset.open(dir);
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new InvalidInputException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
