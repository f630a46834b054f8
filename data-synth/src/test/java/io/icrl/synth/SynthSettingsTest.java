package io.icrl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.core.StrictConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynthSettingsTest {
  @Test
  void defaultsFollowOmniRl() {
    SynthSettings s = SynthSettings.from(StrictConfig.defaults());
    assertEquals("anymdp", s.task().family());
    assertEquals(List.of(0.0, 0.5, 0.93, 0.994), s.reference().gammas());
    assertEquals(0.10, s.behavior().mix().get("q-learning"));
    assertEquals(0.05, s.behavior().mix().get("opt3"));
    assertEquals(1.0, s.behavior().mix().values().stream().mapToDouble(d -> d).sum(), 1e-12);
    assertEquals(0, s.threads());
    assertTrue(s.effectiveThreads() >= 1);
    assertEquals("anymdp:states=16,actions=5,seed=7", s.task().taskId(7));
  }

  @Test
  void badValuesAreNamed() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> TestSettings.of("icrl.synth.tags.mask-episode-probability=1.5"));
    assertTrue(e.getMessage().contains("icrl.synth.tags.mask-episode-probability"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> TestSettings.of("icrl.synth.behavior.mix.nonsense=1"));
    assertTrue(e.getMessage().contains("icrl.synth.behavior.mix.nonsense"), e.getMessage());
    List<String> zero = TestSettings.only("none");
    e = assertThrows(InvalidInputException.class,
        () -> TestSettings.of(zero.toArray(new String[0])));
    assertTrue(e.getMessage().contains("every weight is 0"), e.getMessage());
  }

  @Test
  void learnerPromptsAreListedOnlyWhenUsed() {
    SynthSettings opt = SynthSettings.from(StrictConfig.defaults());
    assertEquals(List.of(0.0, 0.0, 0.0, 1.0), opt.reference().mix());
    assertEquals(0.0, opt.reference().weight(4));
    SynthSettings ad = TestSettings.of("icrl.synth.reference.mix.exp1=0.5");
    assertEquals(List.of(0.0, 0.0, 0.0, 1.0, 0.5, 0.0), ad.reference().mix());
    assertEquals(0.5, ad.reference().weight(4));
    assertEquals("exp2", SynthSettings.ReferenceSettings.promptKey(5));
    assertNotEquals(SynthMetadata.fingerprint(opt), SynthMetadata.fingerprint(ad));
  }

  @Test
  void taskMixIsListedOnlyWhenUsedAndBadEntriesAreNamed() {
    SynthSettings plain = SynthSettings.from(StrictConfig.defaults());
    assertTrue(plain.task().mix().isEmpty());
    assertTrue(!SynthMetadata.settingsJson(plain).contains("mix\":[]"),
        "an empty task mix stays out of the settings JSON (old fingerprints hold)");
    SynthSettings mixed = TestSettings.of(
        "icrl.synth.task.mix=[{ weight = 0.25, id = \"darkroom:size=4\" }]");
    assertEquals(0.75, mixed.task().primaryWeight(), 1e-12);
    assertEquals("darkroom:size=4,seed=9", mixed.task().mix().get(0).taskId(9));
    assertEquals("darkroom:seed=9", new SynthSettings.MixedTask(0.1, "darkroom").taskId(9));
    assertTrue(SynthMetadata.settingsJson(mixed).contains("darkroom:size=4"));
    String[][] bad = {
        {"[{ weight = 1.0, id = \"darkroom\" }]", "icrl.synth.task.mix[0].weight"},
        {"[{ weight = 0.6, id = \"a\" }, { weight = 0.5, id = \"b\" }]", "add up to"},
        {"[{ weight = 0.2, id = \"darkroom:seed=3\" }]", "leave the seed out"},
        {"[{ weight = 0.2, id = \"dark room\" }]", "icrl.synth.task.mix[0].id"},
        {"[{ weight = 0.2 }]", "needs weight and id"},
        {"[{ weight = 0.2, id = \"a\", size = 4 }]", "icrl.synth.task.mix[0].size"},
        {"[0.2]", "expected a list of objects"}};
    for (String[] b : bad) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> TestSettings.of("icrl.synth.task.mix=" + b[0]), b[0]);
      assertTrue(e.getMessage().contains(b[1]), e.getMessage());
    }
  }

  @Test
  void fingerprintIgnoresThreadsOnly() {
    SynthSettings a = TestSettings.of("icrl.synth.threads=1");
    SynthSettings b = TestSettings.of("icrl.synth.threads=7");
    SynthSettings c = TestSettings.of("icrl.synth.seed=3");
    assertEquals(SynthMetadata.fingerprint(a), SynthMetadata.fingerprint(b));
    assertNotEquals(SynthMetadata.fingerprint(a), SynthMetadata.fingerprint(c));
  }
}
