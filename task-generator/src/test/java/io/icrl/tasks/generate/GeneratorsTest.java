package io.icrl.tasks.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.Task;
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
  @Test
  void lookupByName() {
    assertEquals(List.of("anymdp", "anymdp-v1", "garnet", "darkroom"),
        List.copyOf(Generators.names()));
    assertEquals("anymdp", Generators.defaultGenerator().name());
    for (String name : Generators.names()) {
      TaskGenerator g = Generators.get(name);
      assertEquals(name, g.name());
      assertTrue(g.parameters().stream().anyMatch(p -> p.name().equals("seed")));
      assertTrue(!g.description().isBlank());
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Generators.get("anymdp2"));
    assertTrue(e.getMessage().contains("anymdp2"));
    assertTrue(e.getMessage().contains("anymdp, anymdp-v1, garnet, darkroom"), e.getMessage());
  }

  @Test
  void registryMakesGeneratedTasksWithCanonicalIds() {
    TaskRegistry registry = TaskRegistry.standard();
    assertTrue(registry.names().containsAll(Generators.names()));
    Task t = registry.make("anymdp:actions=4, states=16,seed=3");
    assertEquals("anymdp:states=16,actions=4,seed=3", t.id());
    TabularMdp m = t.mdp().orElseThrow();
    assertEquals(t.id(), m.name());
    assertEquals(Generators.generate("anymdp:states=16,actions=4,seed=3").fingerprint(),
        m.fingerprint());
    // The canonical id recreates the task.
    assertEquals(m.fingerprint(), registry.make(t.id()).mdp().orElseThrow().fingerprint());
    assertEquals("darkroom:seed=0", registry.make("darkroom").id());
    assertTrue(t.isDiscrete());
    assertEquals(16, t.newEnv().observationCount());
  }

  @Test
  void generateWithExplicitSeed() {
    TaskGenerator g = Generators.get("garnet");
    TabularMdp a = g.generate(TaskParams.parse("garnet:states=10"), 5);
    TabularMdp b = Generators.generate("garnet:states=10,seed=5");
    assertEquals(a.fingerprint(), b.fingerprint());
    assertEquals("garnet:states=10,seed=5", a.name());
    assertEquals(g.generate(5).fingerprint(), Generators.generate("garnet:seed=5").fingerprint());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> g.generate(TaskParams.parse("garnet:seed=4"), 5));
    assertTrue(e.getMessage().contains("seed"), e.getMessage());
  }

  @Test
  void nonPositiveSizesNameTheParameter() {
    String[][] cases = {
        {"anymdp:states=0", "states"}, {"anymdp:actions=0", "actions"},
        {"anymdp-v1:states=-1", "states"}, {"anymdp-v1:actions=0", "actions"},
        {"garnet:states=0", "states"}, {"garnet:actions=-3", "actions"},
        {"garnet:branching=0", "branching"}, {"darkroom:size=0", "size"},
        {"darkroom:max_steps=0", "max_steps"}};
    TaskRegistry registry = TaskRegistry.standard();
    for (String[] c : cases) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> registry.make(c[0]), c[0]);
      assertTrue(e.getMessage().contains(c[1] + "="), c[0] + ": " + e.getMessage());
    }
  }

  @Test
  void unknownParametersListTheKnownOnes() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> TaskRegistry.standard().make("garnet:states=8,branch=2"));
    assertTrue(e.getMessage().contains("branch"), e.getMessage());
    assertTrue(e.getMessage().contains("branching"), e.getMessage());
  }

  @Test
  void everyGeneratorIsDeterministicAndWellFormed() {
    for (String id : new String[] {"anymdp:states=24,seed=4", "anymdp-v1:states=24,seed=4",
        "garnet:states=24,seed=4", "darkroom:seed=4"}) {
      TabularMdp a = Generators.generate(id);
      MdpChecks.assertWellFormed(a);
      assertEquals(a.fingerprint(), Generators.generate(id).fingerprint(), id);
      assertTrue(!a.fingerprint().equals(Generators.generate(id.replace("seed=4", "seed=5"))
          .fingerprint()), id);
    }
  }

  @Test
  void sameInstanceForTheSameName() {
    assertSame(Generators.get("darkroom"), Generators.get("darkroom"));
  }
}
