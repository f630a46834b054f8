package io.icrl.tasks.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icrl.core.InvalidInputException;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.gym.GymTasks;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TabularMdpJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TaskRegistry REGISTRY = TaskRegistry.standard();

  @TempDir
  Path dir;

  private static Path golden(String file) {
    String shared = System.getProperty("icrl.shared.dir", "../../shared");
    return Path.of(shared, "golden", file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"frozenlake4x4_slippery.json", "frozenlake4x4_deterministic.json",
      "cliffwalking.json"})
  void writesWhatTheGoldenFilesHold(String file) throws Exception {
    JsonNode ref = JSON.readTree(golden(file).toFile());
    String id = ref.get("env_id").asText();
    if (ref.get("kwargs").path("is_slippery").isBoolean()
        && !ref.get("kwargs").get("is_slippery").asBoolean()) {
      id += ":is_slippery=false";
    }
    TabularMdp mdp = REGISTRY.make(id).mdp().orElseThrow();
    JsonNode mine = JSON.readTree(TabularMdpJson.toJson(mdp,
        GymTasks.frozenLakeMap(id).orElse(null)));
    for (String key : List.of("n_states", "n_actions", "max_episode_steps", "P",
        "initial_state_distribution")) {
      assertEquals(ref.get(key), mine.get(key), key);
    }
    assertEquals(ref.get("map"), mine.get("map"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"frozenlake4x4_slippery.json", "cliffwalking.json"})
  void readsTheGoldenFiles(String file) {
    TabularMdp read = TabularMdpJson.read(golden(file));
    String id = file.startsWith("cliff") ? "CliffWalking-v1" : "FrozenLake-v1";
    TabularMdp built = REGISTRY.make(id).mdp().orElseThrow();
    assertEquals(built.states(), read.states());
    assertEquals(built.maxEpisodeSteps(), read.maxEpisodeSteps());
    for (int k = 0; k < built.outcomeCount(); k++) {
      assertEquals(built.next(k), read.next(k));
      assertEquals(built.prob(k), read.prob(k));
      assertEquals(built.rewardMean(k), read.rewardMean(k));
      assertEquals(built.terminates(k), read.terminates(k));
    }
    if (id.startsWith("FrozenLake")) {
      assertEquals(built, read); // the map gives the G/H kinds
      assertEquals(StateKind.PITFALL, read.kind(5));
    }
  }

  @Test
  void roundTripsExactly() throws Exception {
    for (String id : List.of("Taxi-v4:is_rainy=true", "FrozenLake8x8-v1",
        "CliffWalkingSlippery-v1")) {
      TabularMdp mdp = REGISTRY.make(id).mdp().orElseThrow();
      Path f = dir.resolve("m.json");
      TabularMdpJson.write(f, mdp, GymTasks.frozenLakeMap(id).orElse(null));
      TabularMdp back = TabularMdpJson.read(f);
      assertEquals(mdp, back, id);
      assertEquals(mdp.fingerprint(), back.fingerprint(), id);
      assertEquals(id, back.name());
    }
  }

  @Test
  void roundTripsNoisyRewardsAndKinds() {
    TabularMdp mdp = TabularMdp.builder(2, 1).name("noisy").maxEpisodeSteps(7)
        .start(0, 1.0).kind(1, StateKind.GOAL)
        .outcome(0, 0, 1, 0.25, 1.5, 0.5, true)
        .outcome(0, 0, 0, 0.75, -0.1, false)
        .outcome(1, 0, 1, 1.0, 0.0, true)
        .build();
    String text = TabularMdpJson.toJson(mdp, null);
    assertTrue(text.contains("[0.25,1,1.5,true,0.5]"), text);
    assertEquals(mdp, TabularMdpJson.parse(text, "noisy.json"));
  }

  private ObjectNode frozenLakeDoc() throws Exception {
    return (ObjectNode) JSON.readTree(golden("frozenlake4x4_slippery.json").toFile());
  }

  private InvalidInputException rejected(JsonNode doc) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, JSON.writeValueAsString(doc));
    return assertThrows(InvalidInputException.class, () -> TabularMdpJson.read(f));
  }

  @Test
  void rejectsProbabilitiesNotSummingToOne() throws Exception {
    ObjectNode doc = frozenLakeDoc();
    ArrayNode outcome = (ArrayNode) doc.get("P").get("6").get("2").get(1);
    outcome.set(0, JSON.getNodeFactory().numberNode(0.3));
    InvalidInputException e = rejected(doc);
    assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    assertTrue(e.getMessage().contains("state 6, action 2"), e.getMessage());
    assertTrue(e.getMessage().contains("sum to"), e.getMessage());
  }

  @Test
  void rejectsMalformedDocuments() throws Exception {
    ObjectNode doc = frozenLakeDoc();
    ((ObjectNode) doc.get("P")).remove("3");
    assertTrue(rejected(doc).getMessage().contains("15 states, n_states is 16"));

    doc = frozenLakeDoc();
    ((ArrayNode) doc.get("P").get("0").get("1")).add(JSON.readTree("[0.5, 99, 0.0, false]"));
    assertTrue(rejected(doc).getMessage().contains("next state 99 out of [0, 16)"));

    doc = frozenLakeDoc();
    ((ArrayNode) doc.get("P").get("0").get("1")).set(0, JSON.readTree("[0.5, 1, 0.0]"));
    assertTrue(rejected(doc).getMessage().contains("bad outcome"));

    doc = frozenLakeDoc();
    doc.put("n_states", -1);
    assertTrue(rejected(doc).getMessage().contains("n_states must be a positive integer"));

    doc = frozenLakeDoc();
    doc.put("extra", 1);
    assertTrue(rejected(doc).getMessage().contains("unknown key 'extra'"));

    doc = frozenLakeDoc();
    ((ArrayNode) doc.get("initial_state_distribution")).set(0, JSON.getNodeFactory()
        .numberNode(0.5));
    assertTrue(rejected(doc).getMessage().contains("initial_state_distribution sums to 0.5"));

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> TabularMdpJson.parse("{not json", "x.json"));
    assertTrue(e.getMessage().startsWith("x.json: not valid JSON"), e.getMessage());

    e = assertThrows(InvalidInputException.class,
        () -> TabularMdpJson.read(dir.resolve("missing.json")));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }
}
