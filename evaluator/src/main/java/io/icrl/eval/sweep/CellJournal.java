package io.icrl.eval.sweep;

import io.icrl.core.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finished cells on disk, one small CSV file per cell under {@code DIR/cells/}, each written
 * atomically. The first line names the cell and the fingerprint of what produced it (sweep settings
 * and task model); a file whose header does not match the cell asked for is ignored (and later
 * overwritten), so a resumed sweep reuses exactly the cells it would have computed.
 */
public final class CellJournal {
  private static final String COLUMNS = EpisodeRecord.CSV_COLUMNS;

  private final Path dir;

  public CellJournal(Path outDir) {
    this.dir = outDir.resolve("cells");
  }

  /** The file of {@code cell}: a readable slug of its key plus a short hash of the exact key. */
  public Path file(Cell cell) {
    String slug = cell.key().replaceAll("[^A-Za-z0-9._-]+", "_");
    if (slug.length() > 120) {
      slug = slug.substring(0, 120);
    }
    return dir.resolve(slug + "-" + SweepFingerprint.sha256(cell.key()).substring(0, 10) + ".csv");
  }

  private static String header(Cell cell, String fingerprint) {
    return "# cell=" + cell.key() + " fingerprint=" + fingerprint;
  }

  /** The journaled result of {@code cell} under {@code fingerprint}, if there is a valid one. */
  public Optional<CellResult> load(Cell cell, String fingerprint) throws IOException {
    Path f = file(cell);
    List<EpisodeRecord> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      if (!header(cell, fingerprint).equals(in.readLine()) || !COLUMNS.equals(in.readLine())) {
        return Optional.empty();
      }
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        try {
          rows.add(EpisodeRecord.parseCsv(line));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(new CellResult(cell, rows));
  }

  /** Writes {@code result} atomically. */
  public void save(CellResult result, String fingerprint) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(header(result.cell(), fingerprint)).append('\n').append(COLUMNS).append('\n');
    for (EpisodeRecord r : result.episodes()) {
      r.appendCsv(b).append('\n');
    }
    AtomicFiles.writeString(file(result.cell()), b.toString());
  }
}
