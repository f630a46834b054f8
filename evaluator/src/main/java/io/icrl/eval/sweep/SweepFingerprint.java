package io.icrl.eval.sweep;

import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.agent.RewardShaping;
import io.icrl.eval.task.References;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hash of every setting that changes a cell's result (episodes, root seed, mode settings,
 * baseline settings, temperature, references, reward shaping, the model), but not of what only
 * selects cells (tasks, modes, agents, seed count, threads). A journaled cell is reused only under
 * the same fingerprint.
 */
public final class SweepFingerprint {
  private SweepFingerprint() {}

  /** The fingerprint of {@code settings} with the in-context model described by {@code model}. */
  public static String of(EvalSettings s, String model) {
    StringBuilder b = new StringBuilder();
    b.append("episodes=").append(s.episodes()).append('\n');
    b.append("root-seed=").append(s.rootSeed()).append('\n');
    for (Mode m : Mode.values()) {
      b.append(m.id()).append('=').append(s.modeSettings().get(m)).append('\n');
    }
    b.append("q=").append(s.qLearning()).append('\n');
    b.append("ucb=").append(s.ucbQ()).append('\n');
    b.append("mb=").append(s.modelBased()).append('\n');
    b.append("temperature=").append(s.temperatures().get(Mode.ONLINE)).append(',')
        .append(s.temperatures().get(Mode.IMITATION)).append(',')
        .append(s.temperatures().get(Mode.OFFLINE)).append('\n');
    b.append("references=").append(s.references().modelEpisodes()).append(',')
        .append(s.references().modelRounds()).append(',')
        .append(s.references().evaluationEpisodes()).append('\n');
    for (Map.Entry<String, References> e : new TreeMap<>(s.references().overrides()).entrySet()) {
      b.append("override ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    for (Map.Entry<String, RewardShaping> e : new TreeMap<>(s.rewardShaping()).entrySet()) {
      b.append("shaping ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    b.append("model=").append(model).append('\n');
    if (!model.equals("none")) {
      b.append("model-settings=").append(s.model().fingerprint()).append('\n');
    }
    return sha256(b.toString()).substring(0, 16);
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
