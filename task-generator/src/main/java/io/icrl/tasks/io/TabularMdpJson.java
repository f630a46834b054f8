package io.icrl.tasks.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icrl.core.AtomicFiles;
import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A {@link TabularMdp} as JSON in the format of the golden Gymnasium dumps ({@code
 * shared/golden/*.json}):
 *
 * <pre>
 * {"env_id": name, "n_states": n, "n_actions": m, "max_episode_steps": steps or null,
 *  "P": {"s": {"a": [[prob, next_state, reward, terminated], ...], ...}, ...},
 *  "initial_state_distribution": [p0, p1, ...], "map": [rows] (when known)}
 * </pre>
 *
 * Outcomes keep their order and duplicates. Two extensions keep generated MDPs lossless: an outcome
 * with a noisy reward carries its standard deviation as a fifth entry, and {@code "state_kinds"}
 * lists each state's {@link StateKind} when some state is not NORMAL. Reading accepts both; without
 * {@code state_kinds}, kinds come from the map's G (goal) and H (pitfall) tiles when a map is given.
 * A missing or null {@code max_episode_steps} means no step limit.
 */
public final class TabularMdpJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> KNOWN_KEYS = Set.of("env_id", "kwargs", "note", "n_states",
      "n_actions", "max_episode_steps", "P", "initial_state_distribution", "map", "state_kinds");

  private TabularMdpJson() {}

  /** The JSON text of {@code mdp}; {@code map} (may be null) adds the map rows. */
  public static String toJson(TabularMdp mdp, List<String> map) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(mdp, map, out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Writes {@code mdp} to {@code file} crash-safely; {@code map} may be null. */
  public static void write(Path file, TabularMdp mdp, List<String> map) throws IOException {
    AtomicFiles.write(file, out -> write(mdp, map, out));
  }

  /** Streams the JSON of {@code mdp} to {@code out} (left open). */
  public static void write(TabularMdp mdp, List<String> map, OutputStream out) throws IOException {
    JsonFactory factory = MAPPER.getFactory();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("env_id", mdp.name());
      g.writeNumberField("n_states", mdp.states());
      g.writeNumberField("n_actions", mdp.actions());
      if (mdp.maxEpisodeSteps() == Integer.MAX_VALUE) {
        g.writeNullField("max_episode_steps");
      } else {
        g.writeNumberField("max_episode_steps", mdp.maxEpisodeSteps());
      }
      g.writeObjectFieldStart("P");
      for (int s = 0; s < mdp.states(); s++) {
        g.writeObjectFieldStart(Integer.toString(s));
        for (int a = 0; a < mdp.actions(); a++) {
          g.writeArrayFieldStart(Integer.toString(a));
          for (int k = mdp.outcomeStart(s, a); k < mdp.outcomeEnd(s, a); k++) {
            g.writeStartArray();
            g.writeNumber(mdp.prob(k));
            g.writeNumber(mdp.next(k));
            g.writeNumber(mdp.rewardMean(k));
            g.writeBoolean(mdp.terminates(k));
            if (mdp.rewardStd(k) > 0) {
              g.writeNumber(mdp.rewardStd(k));
            }
            g.writeEndArray();
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("initial_state_distribution");
      for (int s = 0; s < mdp.states(); s++) {
        g.writeNumber(mdp.startProbability(s));
      }
      g.writeEndArray();
      if (map != null) {
        g.writeArrayFieldStart("map");
        for (String row : map) {
          g.writeString(row);
        }
        g.writeEndArray();
      }
      if (hasKinds(mdp)) {
        g.writeArrayFieldStart("state_kinds");
        for (int s = 0; s < mdp.states(); s++) {
          g.writeString(mdp.kind(s).name());
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static boolean hasKinds(TabularMdp mdp) {
    for (int s = 0; s < mdp.states(); s++) {
      if (mdp.kind(s) != StateKind.NORMAL) {
        return true;
      }
    }
    return false;
  }

  /** Reads and validates an MDP file. */
  public static TabularMdp read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses and validates MDP JSON; {@code source} (a file name) prefixes every error. */
  public static TabularMdp parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source + ": expected a JSON object with n_states, n_actions,"
          + " P and initial_state_distribution");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KNOWN_KEYS.contains(key)) {
        throw new InvalidInputException(source + ": unknown key '" + key + "'; known: "
            + String.join(", ", KNOWN_KEYS.stream().sorted().toList()));
      }
    }
    int nS = positiveInt(root, "n_states", source);
    int nA = positiveInt(root, "n_actions", source);
    JsonNode stepsNode = root.get("max_episode_steps");
    int steps = Integer.MAX_VALUE;
    if (stepsNode != null && !stepsNode.isNull()) {
      steps = positiveInt(root, "max_episode_steps", source);
    }
    String name = root.path("env_id").isTextual() ? root.get("env_id").asText() : source;
    TabularMdpBuilder b;
    try {
      b = TabularMdp.builder(nS, nA).name(name).maxEpisodeSteps(steps);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), e);
    }
    readTransitions(root.get("P"), nS, nA, b, source);
    readStart(root.get("initial_state_distribution"), nS, b, source);
    readKinds(root, nS, b, source);
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), e);
    }
  }

  private static void readTransitions(JsonNode p, int nS, int nA, TabularMdpBuilder b,
      String source) {
    if (p == null || !p.isObject()) {
      throw new InvalidInputException(source + ": P must be an object {\"state\": {\"action\":"
          + " [[prob, next_state, reward, terminated], ...]}}");
    }
    if (p.size() != nS) {
      throw new InvalidInputException(source + ": P has " + p.size() + " states, n_states is "
          + nS);
    }
    for (int s = 0; s < nS; s++) {
      JsonNode row = p.get(Integer.toString(s));
      if (row == null || !row.isObject()) {
        throw new InvalidInputException(source + ": P has no object for state " + s
            + " (keys are state numbers as strings)");
      }
      if (row.size() != nA) {
        throw new InvalidInputException(source + ": P[" + s + "] has " + row.size()
            + " actions, n_actions is " + nA);
      }
      for (int a = 0; a < nA; a++) {
        readOutcomes(row.get(Integer.toString(a)), s, a, nS, b, source);
      }
    }
  }

  private static void readOutcomes(JsonNode list, int s, int a, int nS, TabularMdpBuilder b,
      String source) {
    String where = source + ": P[" + s + "][" + a + "] (state " + s + ", action " + a + ")";
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidInputException(where + ": expected a non-empty list of [prob, next_state,"
          + " reward, terminated]");
    }
    double sum = 0;
    List<double[]> rows = new ArrayList<>(list.size());
    List<Boolean> terms = new ArrayList<>(list.size());
    for (JsonNode e : list) {
      boolean shapeOk = e.isArray() && (e.size() == 4 || e.size() == 5) && e.get(0).isNumber()
          && e.get(1).canConvertToInt() && e.get(1).isIntegralNumber() && e.get(2).isNumber()
          && e.get(3).isBoolean() && (e.size() == 4 || e.get(4).isNumber());
      if (!shapeOk) {
        throw new InvalidInputException(where + ": bad outcome " + e
            + " (expected [prob, next_state, reward, terminated] or with a reward std)");
      }
      double prob = e.get(0).asDouble();
      int next = e.get(1).asInt();
      double reward = e.get(2).asDouble();
      double std = e.size() == 5 ? e.get(4).asDouble() : 0.0;
      if (!(prob >= 0 && prob <= 1 + TabularMdp.PROBABILITY_TOLERANCE)) {
        throw new InvalidInputException(where + ": probability " + prob + " out of [0, 1]");
      }
      if (next < 0 || next >= nS) {
        throw new InvalidInputException(where + ": next state " + next + " out of [0, " + nS
            + ")");
      }
      if (!Double.isFinite(reward) || !(std >= 0) || !Double.isFinite(std)) {
        throw new InvalidInputException(where + ": bad reward " + reward + " (std " + std + ")");
      }
      sum += prob;
      rows.add(new double[] {prob, next, reward, std});
      terms.add(e.get(3).asBoolean());
    }
    if (Math.abs(sum - 1) > TabularMdp.PROBABILITY_TOLERANCE) {
      throw new InvalidInputException(where + ": transition probabilities sum to " + sum
          + ", not 1");
    }
    for (int i = 0; i < rows.size(); i++) {
      double[] r = rows.get(i);
      b.outcome(s, a, (int) r[1], r[0], r[2], r[3], terms.get(i));
    }
  }

  private static void readStart(JsonNode start, int nS, TabularMdpBuilder b, String source) {
    if (start == null || !start.isArray() || start.size() != nS) {
      throw new InvalidInputException(source + ": initial_state_distribution must be a list of "
          + nS + " probabilities");
    }
    double sum = 0;
    for (int s = 0; s < nS; s++) {
      JsonNode v = start.get(s);
      if (!v.isNumber() || !(v.asDouble() >= 0) || v.asDouble() > 1 + 1e-9) {
        throw new InvalidInputException(source + ": initial_state_distribution[" + s + "] = " + v
            + " is not a probability");
      }
      sum += v.asDouble();
      b.start(s, v.asDouble());
    }
    if (Math.abs(sum - 1) > TabularMdp.PROBABILITY_TOLERANCE) {
      throw new InvalidInputException(source + ": initial_state_distribution sums to " + sum
          + ", not 1");
    }
  }

  private static void readKinds(JsonNode root, int nS, TabularMdpBuilder b, String source) {
    JsonNode kinds = root.get("state_kinds");
    if (kinds != null) {
      if (!kinds.isArray() || kinds.size() != nS) {
        throw new InvalidInputException(source + ": state_kinds must be a list of " + nS
            + " kinds (NORMAL, GOAL, PITFALL)");
      }
      for (int s = 0; s < nS; s++) {
        try {
          b.kind(s, StateKind.valueOf(kinds.get(s).asText()));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(source + ": state_kinds[" + s + "] = " + kinds.get(s)
              + " is not NORMAL, GOAL or PITFALL");
        }
      }
      return;
    }
    JsonNode map = root.get("map");
    if (map == null) {
      return;
    }
    if (!map.isArray()) {
      throw new InvalidInputException(source + ": map must be a list of row strings");
    }
    StringBuilder tiles = new StringBuilder();
    for (JsonNode row : map) {
      if (!row.isTextual()) {
        throw new InvalidInputException(source + ": map must be a list of row strings");
      }
      tiles.append(row.asText());
    }
    if (tiles.length() != nS) {
      throw new InvalidInputException(source + ": map has " + tiles.length() + " tiles for "
          + nS + " states");
    }
    for (int s = 0; s < nS; s++) {
      char t = tiles.charAt(s);
      if (t == 'G') {
        b.kind(s, StateKind.GOAL);
      } else if (t == 'H') {
        b.kind(s, StateKind.PITFALL);
      }
    }
  }

  private static int positiveInt(JsonNode root, String key, String source) {
    JsonNode v = root.get(key);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() <= 0) {
      throw new InvalidInputException(source + ": " + key + " must be a positive integer, got "
          + v);
    }
    return v.asInt();
  }
}
