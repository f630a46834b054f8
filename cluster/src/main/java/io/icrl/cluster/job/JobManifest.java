package io.icrl.cluster.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icrl.core.AtomicFiles;
import io.icrl.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON manifest of a job ({@code OUTPUT_DIR/job-manifest.json}): the job spec, its state and every
 * unit with its ranges, state, attempts, last worker, result and last error. Written atomically
 * after every change, so a crash leaves the previous or the new version; read back to resume a
 * job (units done stay done).
 */
public final class JobManifest {
  /** Format tag written into every manifest. */
  public static final String FORMAT = "icrl-job-manifest/1";
  /** File name inside the job's output directory. */
  public static final String FILE_NAME = "job-manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private JobManifest() {}

  /** A unit as recorded in a manifest. */
  public record SavedUnit(String unitId, UnitState state, int attempts, String worker,
      UnitResult result, String error) {}

  /** A manifest read back. */
  public record Saved(JobSpec spec, JobState state, Map<String, SavedUnit> units) {}

  static void write(Job job) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.set("job", specJson(job.spec));
    root.put("state", job.state.label());
    ObjectNode counts = root.putObject("counts");
    for (UnitState s : UnitState.values()) {
      counts.put(s.label(), job.count(s));
    }
    ArrayNode units = root.putArray("units");
    for (UnitRecord r : job.units.values()) {
      ObjectNode u = units.addObject();
      u.put("id", r.id());
      u.putArray("seeds").add(r.unit.seedStart()).add(r.unit.seedEnd());
      u.putArray("sequences").add(r.unit.sequenceStart()).add(r.unit.sequenceEnd());
      u.put("state", r.state.label());
      u.put("attempts", r.attempts);
      u.put("worker", r.worker);
      if (r.result != null) {
        ObjectNode res = u.putObject("result");
        res.put("steps", r.result.steps());
        res.put("bytes", r.result.bytes());
        ArrayNode files = res.putArray("files");
        r.result.files().forEach(files::add);
        res.put("digest", r.result.digest());
      }
      if (!r.error.isEmpty()) {
        u.put("error", r.error);
      }
    }
    AtomicFiles.writeString(job.manifest, JSON.writeValueAsString(root) + "\n");
  }

  /** Reads a manifest written by {@link #write}. */
  public static Saved read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new InvalidInputException("cannot read job manifest " + file + ": " + e.getMessage(),
          e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new InvalidInputException("job manifest " + file + ": expected format " + FORMAT);
    }
    try {
      JsonNode j = root.get("job");
      JobSpec spec = new JobSpec(j.get("id").asText(), j.get("kind").asText(),
          j.get("seed_start").asLong(), j.get("seed_count").asInt(),
          j.get("sequences_per_task").asInt(), j.get("seeds_per_unit").asInt(),
          j.get("sequences_per_unit").asInt(), j.get("max_attempts").asInt(),
          j.get("output_dir").asText(), j.get("payload").asText());
      Map<String, SavedUnit> units = new LinkedHashMap<>();
      for (JsonNode u : root.get("units")) {
        UnitResult result = null;
        JsonNode res = u.get("result");
        if (res != null) {
          List<String> files = new ArrayList<>();
          res.get("files").forEach(f -> files.add(f.asText()));
          result = new UnitResult(res.get("steps").asLong(), res.get("bytes").asLong(), files,
              res.get("digest").asText());
        }
        String id = u.get("id").asText();
        units.put(id, new SavedUnit(id, UnitState.valueOf(u.get("state").asText().toUpperCase(
            java.util.Locale.ROOT)), u.get("attempts").asInt(), u.path("worker").asText(""),
            result, u.path("error").asText("")));
      }
      JobState state = JobState.valueOf(root.get("state").asText().toUpperCase(
          java.util.Locale.ROOT));
      return new Saved(spec, state, units);
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new InvalidInputException("job manifest " + file + " is malformed: " + e, e);
    }
  }

  /** Whether two specs cut the same units (so a manifest of one can resume the other). */
  static boolean sameUnits(JobSpec a, JobSpec b) {
    return a.jobId().equals(b.jobId()) && a.kind().equals(b.kind())
        && a.seedStart() == b.seedStart() && a.seedCount() == b.seedCount()
        && a.sequencesPerTask() == b.sequencesPerTask() && a.seedsPerUnit() == b.seedsPerUnit()
        && a.sequencesPerUnit() == b.sequencesPerUnit() && a.payload().equals(b.payload());
  }

  private static ObjectNode specJson(JobSpec s) {
    ObjectNode j = JSON.createObjectNode();
    j.put("id", s.jobId());
    j.put("kind", s.kind());
    j.put("seed_start", s.seedStart());
    j.put("seed_count", s.seedCount());
    j.put("sequences_per_task", s.sequencesPerTask());
    j.put("seeds_per_unit", s.seedsPerUnit());
    j.put("sequences_per_unit", s.sequencesPerUnit());
    j.put("max_attempts", s.maxAttempts());
    j.put("output_dir", s.outputDir());
    j.put("payload", s.payload());
    return j;
  }
}
