package io.icrl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.eval.agent.RewardShaping;
import io.icrl.eval.task.TrainingTaskRange;
import io.icrl.synth.format.Tag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvalSettingsTest {
  @Test
  void defaultsLoad() {
    EvalSettings s = TestSettings.with();
    assertEquals(List.of(Mode.ONLINE, Mode.IMITATION, Mode.OFFLINE), s.modes());
    assertEquals(0.2, s.qLearning().learningRate(), 0);
    assertEquals(0.99, s.qLearning().gamma(), 0);
    assertEquals("optimal", s.modeSettings().get(Mode.IMITATION).policy());
    assertEquals(Tag.OPT3, s.modeSettings().get(Mode.IMITATION).dataTag());
    assertEquals(Tag.UNK, s.modeSettings().get(Mode.ONLINE).tag());
    assertEquals("noisy-oracle", s.modeSettings().get(Mode.OFFLINE).policy());
    assertTrue(s.suites().get("gym").contains("Taxi-v4"));
    assertTrue(s.effectiveThreads() >= 1);
  }

  @Test
  void badValuesAreClearErrors() {
    InvalidInputException tag = assertThrows(InvalidInputException.class,
        () -> TestSettings.with("icrl.eval.online.prompt=BEST"));
    assertTrue(tag.getMessage().contains("icrl.eval.online.prompt"), tag.getMessage());
    assertThrows(InvalidInputException.class, () -> TestSettings.with("icrl.eval.episodes=0"));
    assertThrows(InvalidInputException.class,
        () -> TestSettings.with("icrl.eval.offline.policy=expert"));
    assertThrows(InvalidInputException.class,
        () -> TestSettings.with("icrl.eval.agents=[random,dqn]"));
    assertThrows(InvalidInputException.class, () -> TestSettings.with("icrl.eval.modez=[online]"));
    assertThrows(InvalidInputException.class,
        () -> TestSettings.with("icrl.eval.q-learning.learning-rate=2"));
  }

  @Test
  void modesParse() {
    assertEquals(List.of(Mode.OFFLINE, Mode.ONLINE), Mode.parseList("offline, online"));
    assertThrows(InvalidInputException.class, () -> Mode.parseList("online,online"));
    assertThrows(InvalidInputException.class, () -> Mode.parseList(""));
  }

  @Test
  void rewardShapingPerTaskName() {
    EvalSettings s = TestSettings.with("icrl.eval.reward-shaping.Pendulum-v1.scale=0.1");
    assertEquals(new RewardShaping(0.1, 0),
        RewardShaping.forTask(s.rewardShaping(), "Pendulum-v1:bins=12x5"));
    assertEquals(RewardShaping.NONE, RewardShaping.forTask(s.rewardShaping(), "Taxi-v4"));
  }

  @Test
  void taskSelection() {
    EvalSettings s = TestSettings.with();
    List<String> ids = TaskSelection.resolve(List.of("Taxi-v4"), List.of("tabular-gym"), s,
        Optional.empty());
    assertEquals("Taxi-v4", ids.get(0));
    assertEquals(5, ids.size(), "duplicates dropped: " + ids);
    List<String> defaults = TaskSelection.resolve(List.of(), List.of(), s, Optional.empty());
    assertEquals(s.suites().get("gym").size() + s.heldOut().count(), defaults.size());
    assertThrows(InvalidInputException.class,
        () -> TaskSelection.resolve(List.of(), List.of("nope"), s, Optional.empty()));
  }

  @Test
  void heldOutSuiteStaysPastTheTrainingSeeds() {
    HeldOutSuite suite = new HeldOutSuite(3, 16, 5, 100);
    assertEquals(List.of("anymdp:states=16,actions=5,seed=100",
        "anymdp:states=16,actions=5,seed=101", "anymdp:states=16,actions=5,seed=102"),
        suite.taskIds(Optional.empty()));
    TrainingTaskRange range = new TrainingTaskRange("anymdp", 0, 1000);
    List<String> ids = suite.taskIds(Optional.of(range));
    assertEquals("anymdp:states=16,actions=5,seed=1000", ids.get(0));
    ids.forEach(range::requireHeldOut);
    assertEquals(suite.taskIds(Optional.empty()),
        suite.taskIds(Optional.of(new TrainingTaskRange("anymdp", 0, 50))));
    assertEquals(List.of("anymdp:states=32,actions=4,seed=1000",
        "anymdp:states=32,actions=4,seed=1001", "anymdp:states=32,actions=4,seed=1002"),
        suite.taskIds(Optional.of(new TrainingTaskRange("anymdp", 0, 1000, 32, 4))),
        "the suite takes the checkpoint's training size");
    assertEquals(suite.taskIds(Optional.empty()),
        suite.taskIds(Optional.of(new TrainingTaskRange("garnet", 0, 1000, 32, 4))));
  }

  @Test
  void theValidationSuiteIsDisjointFromTheHeldOutOne() {
    EvalSettings s = TestSettings.with();
    TrainingTaskRange training = new TrainingTaskRange("anymdp", 0, 1000000, 16, 5);
    List<String> validation = TaskSelection.resolve(List.of(), List.of("validation-anymdp"), s,
        Optional.of(training));
    List<String> heldOut = TaskSelection.resolve(List.of(), List.of("held-out-anymdp"), s,
        Optional.of(training));
    assertEquals(s.validation().count(), validation.size());
    assertEquals("anymdp:states=16,actions=5,seed=2000000", validation.get(0));
    validation.forEach(training::requireHeldOut);
    assertTrue(validation.stream().noneMatch(heldOut::contains), validation + " vs " + heldOut);

    InvalidInputException overlap = assertThrows(InvalidInputException.class,
        () -> TestSettings.with("icrl.eval.validation-anymdp.first-seed=1000004"));
    assertTrue(overlap.getMessage().contains("icrl.eval.validation-anymdp.first-seed"),
        overlap.getMessage());
    InvalidInputException reserved = assertThrows(InvalidInputException.class,
        () -> TestSettings.with("icrl.eval.suites.validation-anymdp=[Taxi-v4]"));
    assertTrue(reserved.getMessage().contains("icrl.eval.suites.validation-anymdp"),
        reserved.getMessage());
    // a training range that pushes the held-out suite onto the validation seeds is refused
    EvalSettings near = TestSettings.with("icrl.eval.validation-anymdp.first-seed=1000010");
    InvalidInputException pushed = assertThrows(InvalidInputException.class,
        () -> TaskSelection.resolve(List.of(), List.of("validation-anymdp"), near,
            Optional.of(new TrainingTaskRange("anymdp", 0, 1000005, 16, 5))));
    assertTrue(pushed.getMessage().contains("also in 'held-out-anymdp'"), pushed.getMessage());
  }

  @Test
  void aModeCanSetItsOwnEndTemperature() {
    EvalSettings s = TestSettings.with("icrl.eval.online.temperature-end=0.5");
    assertEquals(0.5, s.temperatures().get(Mode.ONLINE).end(), 0);
    assertEquals(s.temperature().end(), s.temperatures().get(Mode.IMITATION).end(), 0);
    assertEquals(s.temperature().end(), s.temperatures().get(Mode.OFFLINE).end(), 0);
    assertEquals(s.temperature().start(), s.temperatures().get(Mode.ONLINE).start(), 0);
    assertEquals(s.temperature(), TestSettings.with().temperatures().get(Mode.ONLINE));
    InvalidInputException bad = assertThrows(InvalidInputException.class,
        () -> TestSettings.with("icrl.eval.offline.temperature-end=-1"));
    assertTrue(bad.getMessage().contains("icrl.eval.offline.temperature-end"), bad.getMessage());
  }

  @Test
  void aModeCanSetItsOwnStartTemperatureAndPinItsData() {
    EvalSettings s = TestSettings.with("icrl.eval.imitation.temperature-start=0.1",
        "icrl.eval.imitation.pin-data=0.5");
    assertEquals(0.1, s.temperatures().get(Mode.IMITATION).start(), 0);
    assertEquals(s.temperature().end(), s.temperatures().get(Mode.IMITATION).end(), 0);
    assertEquals(s.temperature().start(), s.temperatures().get(Mode.OFFLINE).start(), 0);
    assertEquals(0.5, s.contextPolicies().get(Mode.IMITATION).share(), 0);
    assertEquals(0, s.contextPolicies().get(Mode.IMITATION).ownEpisodes());
    assertEquals(0.0, s.contextPolicies().get(Mode.OFFLINE).share(), 0);
    assertEquals(0.0, s.contextPolicies().get(Mode.ONLINE).share(), 0);
    assertFalse(s.contextPolicies().get(Mode.ONLINE).lowestReturnFirst());
    EvalSettings online = TestSettings.with("icrl.eval.online.pin-data=0.3",
        "icrl.eval.online.pin-episodes=1", "icrl.eval.online.drop=lowest-return");
    assertEquals(new io.icrl.eval.agent.ContextPolicy(0.3, 1, true),
        online.contextPolicies().get(Mode.ONLINE));
    for (String bad : List.of("icrl.eval.offline.pin-data=1", "icrl.eval.offline.pin-data=-0.1",
        "icrl.eval.online.drop=worst",
        "icrl.eval.offline.temperature-start=-1", "icrl.eval.online.pin-episodes=2",
        "icrl.eval.imitation.pin-episodes=-1")) {
      String key = bad.substring(0, bad.indexOf('='));
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> TestSettings.with(bad));
      assertTrue(e.getMessage().contains(key), bad + ": " + e.getMessage());
    }
  }
}
