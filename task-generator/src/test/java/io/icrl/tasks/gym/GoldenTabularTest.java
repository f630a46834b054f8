package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tabular tasks reproduce Gymnasium's P tables, start distributions and step limits. */
class GoldenTabularTest {
  private static final TaskRegistry REGISTRY = TaskRegistry.standard();

  @ParameterizedTest(name = "{0} = golden {1}")
  @CsvSource({
    "FrozenLake-v1, frozenlake4x4_slippery.json",
    "FrozenLake-v1:is_slippery=false, frozenlake4x4_deterministic.json",
    "CliffWalking-v1, cliffwalking.json",
  })
  void sharedGoldenFilesMatch(String id, String file) {
    JsonNode ref = ReferenceData.golden(file);
    Task task = REGISTRY.make(id);
    ReferenceData.assertMatches(ref, task.mdp().orElseThrow());
    assertMapMatches(ref, id);
  }

  @ParameterizedTest(name = "{0} = reference {1}")
  @CsvSource({
    "FrozenLake8x8-v1, frozenlake8x8_slippery.json",
    "'FrozenLake-v1:map_name=4x4,success_rate=0.75', frozenlake4x4_success075.json",
    "CliffWalkingSlippery-v1, cliffwalking_slippery.json",
    "Taxi-v4, taxi.json",
    "Taxi-v4:is_rainy=true, taxi_rainy.json",
  })
  void extraReferenceTablesMatch(String id, String file) {
    JsonNode ref = ReferenceData.resource(file);
    Task task = REGISTRY.make(id);
    ReferenceData.assertMatches(ref, task.mdp().orElseThrow());
    assertMapMatches(ref, id);
  }

  private static void assertMapMatches(JsonNode ref, String id) {
    if (ref.has("map")) {
      List<String> rows = new ArrayList<>();
      ref.get("map").forEach(r -> rows.add(r.asText()));
      assertEquals(rows, GymTasks.frozenLakeMap(id).orElseThrow());
    }
  }
}
