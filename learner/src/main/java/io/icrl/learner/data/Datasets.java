package io.icrl.learner.data;

import io.icrl.core.InvalidInputException;
import io.icrl.synth.format.WindowSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds the {@link WindowSource} for a {@code --data} argument: a {@code synthetic:k=v,...} spec
 * (generated in memory, see {@link SyntheticRollouts}) or a dataset directory, opened by the first
 * registered {@link WindowSourceFactory} that accepts it.
 */
public final class Datasets {
  private Datasets() {}

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
    List<String> names = new ArrayList<>();
    for (WindowSourceFactory f : ServiceLoader.load(WindowSourceFactory.class)) {
      names.add(f.name());
      if (f.canOpen(dir)) {
        return f.open(dir);
      }
    }
    throw new InvalidInputException("no data: " + dir + " is not a dataset this build can read"
        + " (readers: " + (names.isEmpty() ? "none registered" : String.join(", ", names))
        + "; or use --data synthetic:sequences=N,steps=N,states=N,actions=N)");
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new InvalidInputException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
