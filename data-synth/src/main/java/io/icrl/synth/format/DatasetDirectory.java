package io.icrl.synth.format;

import io.icrl.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The output directory of a dataset writer ({@code icrl synth}, {@code icrl selfplay}): what may
 * be resumed there, and what must be refused.
 */
public final class DatasetDirectory {
  private DatasetDirectory() {}

  /**
   * Makes {@code dir} ready for a dataset whose settings have {@code fingerprint}: creates it,
   * deletes temporary files an interrupted writer left (they never hold finished data), and
   * returns the manifest already there, every listed shard verified (size and checksum), when it
   * describes a dataset of the same fingerprint; empty when {@code dir} is new or empty. A
   * directory holding a dataset of another fingerprint, or other files, is refused naming it.
   *
   * @param what what else a different fingerprint means, for the message (e.g. "other settings")
   */
  public static Optional<Manifest> prepare(Path dir, String fingerprint, String what)
      throws IOException {
    Files.createDirectories(dir);
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp-*")) {
      for (Path p : ds) {
        Files.deleteIfExists(p);
      }
    }
    if (Files.exists(dir.resolve(Manifest.FILE))) {
      Manifest old = Manifest.read(dir);
      if (!fingerprint.equals(old.settingsFingerprint())) {
        throw new InvalidInputException("output directory " + dir + " holds a dataset made with "
            + what + " (fingerprint " + old.settingsFingerprint() + ", these are " + fingerprint
            + "); choose another --out");
      }
      for (ShardEntry e : old.shards()) {
        ShardFile.open(dir.resolve(e.file()), e, true); // throws naming the file if damaged
      }
      return Optional.of(old);
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      if (ds.iterator().hasNext()) {
        throw new InvalidInputException("output directory " + dir + " is not empty and holds no "
            + Manifest.FILE + "; choose an empty or new directory");
      }
    }
    return Optional.empty();
  }

  /** The value of a writer's task; its failure rethrown as it was (checked ones as IOException). */
  public static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
  }
}
