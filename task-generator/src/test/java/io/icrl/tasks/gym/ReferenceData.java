package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icrl.tasks.mdp.TabularMdp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reference data from Gymnasium: the shared golden files ({@code icrl.shared.dir}/golden) and the
 * extra tables under test resources {@code gym-reference/}. Parsed here with plain Jackson, not
 * with the code under test.
 */
final class ReferenceData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceData() {}

  static Path goldenDir() {
    String shared = System.getProperty("icrl.shared.dir");
    Path dir = shared != null ? Path.of(shared, "golden") : Path.of("..", "..", "shared", "golden");
    assertTrue(Files.isDirectory(dir), "golden directory missing: " + dir.toAbsolutePath());
    return dir;
  }

  static JsonNode golden(String file) {
    try {
      return JSON.readTree(goldenDir().resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode resource(String file) {
    try (InputStream in = ReferenceData.class.getResourceAsStream("/gym-reference/" + file)) {
      Objects.requireNonNull(in, "missing test resource gym-reference/" + file);
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An outcome's identity for comparing distributions. */
  record Outcome(int next, double reward, boolean terminated) implements Comparable<Outcome> {
    @Override
    public int compareTo(Outcome o) {
      int c = Integer.compare(next, o.next);
      if (c == 0) {
        c = Double.compare(reward, o.reward);
      }
      return c != 0 ? c : Boolean.compare(terminated, o.terminated);
    }
  }

  /** Sum of probabilities per distinct outcome of a golden P[s][a] list. */
  static Map<Outcome, Double> distribution(JsonNode outcomes) {
    Map<Outcome, Double> d = new TreeMap<>();
    for (JsonNode e : outcomes) {
      d.merge(new Outcome(e.get(1).asInt(), e.get(2).asDouble(), e.get(3).asBoolean()),
          e.get(0).asDouble(), Double::sum);
    }
    return d;
  }

  /** Sum of probabilities per distinct outcome of (s, a) in {@code mdp}. */
  static Map<Outcome, Double> distribution(TabularMdp mdp, int s, int a) {
    Map<Outcome, Double> d = new TreeMap<>();
    for (int k = mdp.outcomeStart(s, a); k < mdp.outcomeEnd(s, a); k++) {
      d.merge(new Outcome(mdp.next(k), mdp.rewardMean(k), mdp.terminates(k)), mdp.prob(k),
          Double::sum);
    }
    return d;
  }

  /**
   * Asserts that {@code mdp} equals the reference table: sizes, step limit (null = none), start
   * distribution, and per (s, a) the outcome distribution within 1e-9 and, stronger, the very same
   * outcome list in Gymnasium's order.
   */
  static void assertMatches(JsonNode ref, TabularMdp mdp) {
    int nS = ref.get("n_states").asInt();
    int nA = ref.get("n_actions").asInt();
    assertEquals(nS, mdp.states(), "n_states");
    assertEquals(nA, mdp.actions(), "n_actions");
    JsonNode steps = ref.get("max_episode_steps");
    int expectedSteps = steps == null || steps.isNull() ? Integer.MAX_VALUE : steps.asInt();
    assertEquals(expectedSteps, mdp.maxEpisodeSteps(), "max_episode_steps");
    for (int s = 0; s < nS; s++) {
      assertEquals(ref.get("initial_state_distribution").get(s).asDouble(),
          mdp.startProbability(s), 1e-12, "start probability of state " + s);
      for (int a = 0; a < nA; a++) {
        JsonNode outcomes = ref.get("P").get(Integer.toString(s)).get(Integer.toString(a));
        Map<Outcome, Double> want = distribution(outcomes);
        Map<Outcome, Double> got = distribution(mdp, s, a);
        assertEquals(want.keySet(), got.keySet(), "outcomes of state " + s + ", action " + a);
        for (Map.Entry<Outcome, Double> e : want.entrySet()) {
          assertEquals(e.getValue(), got.get(e.getKey()), 1e-9,
              "probability of " + e.getKey() + " at state " + s + ", action " + a);
        }
        List<String> wantList = new ArrayList<>();
        for (JsonNode e : outcomes) {
          wantList.add(e.get(0).asDouble() + "|" + e.get(1).asInt() + "|" + e.get(2).asDouble()
              + "|" + e.get(3).asBoolean());
        }
        List<String> gotList = new ArrayList<>();
        for (int k = mdp.outcomeStart(s, a); k < mdp.outcomeEnd(s, a); k++) {
          gotList.add(mdp.prob(k) + "|" + mdp.next(k) + "|" + mdp.rewardMean(k) + "|"
              + mdp.terminates(k));
        }
        assertEquals(wantList, gotList, "outcome list (order, duplicates) of state " + s
            + ", action " + a);
      }
    }
  }
}
