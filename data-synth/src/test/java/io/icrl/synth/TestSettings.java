package io.icrl.synth;

import io.icrl.core.StrictConfig;
import io.icrl.synth.bench.SparseRandomMdps;
import java.util.ArrayList;
import java.util.List;

/** Settings for tests: the reference defaults on the sparse-random task family, plus overrides. */
public final class TestSettings {
  private TestSettings() {}

  public static SynthSettings of(String... overrides) {
    List<String> all = new ArrayList<>();
    all.add("icrl.synth.task.family=" + SparseRandomMdps.NAME);
    all.add("icrl.synth.threads=1");
    all.addAll(List.of(overrides));
    return SynthSettings.from(StrictConfig.load(null, all));
  }

  /** Overrides giving behavior {@code key} weight 1 and every other behavior 0. */
  public static List<String> only(String key) {
    List<String> o = new ArrayList<>();
    for (io.icrl.synth.behavior.BehaviorKind k : io.icrl.synth.behavior.BehaviorKind.values()) {
      o.add("icrl.synth.behavior.mix." + k.key() + "=" + (k.key().equals(key) ? 1 : 0));
    }
    return o;
  }
}
