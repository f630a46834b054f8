package io.icrl.learner.model;

import io.icrl.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a model: everything that decides its parameter tensors. Two checkpoints can share
 * parameters exactly when their configs are equal.
 *
 * @param layers number of transformer blocks
 * @param dModel width of the residual stream
 * @param heads attention heads ({@code dModel % heads == 0})
 * @param mlpHidden hidden width of each block's MLP
 * @param stateVocab state symbols (a task's states are permuted into this range)
 * @param actionVocab action symbols (a task's actions are permuted into this range)
 * @param promptVocab prompt codes (the {@code prompt} column must be below this)
 * @param rewardHidden hidden width of the small MLPs that embed a scalar reward (and return)
 * @param returnFeature whether each token also carries the return of its episode so far ({@link
 *     StepTokens#returnSoFar}), embedded by a second small MLP
 */
public record ModelConfig(int layers, int dModel, int heads, int mlpHidden, int stateVocab,
    int actionVocab, int promptVocab, int rewardHidden, boolean returnFeature) {

  public ModelConfig {
    positive("layers", layers);
    positive("d-model", dModel);
    positive("heads", heads);
    positive("mlp-hidden", mlpHidden);
    positive("state-vocab", stateVocab);
    positive("action-vocab", actionVocab);
    positive("prompt-vocab", promptVocab);
    positive("reward-hidden", rewardHidden);
    if (dModel % heads != 0) {
      throw new InvalidInputException("model d-model " + dModel + " is not divisible by heads "
          + heads);
    }
  }

  /** Width of one attention head. */
  public int headDim() {
    return dModel / heads;
  }

  /** The config as an ordered map (for state.json and manifests). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("layers", layers);
    m.put("d-model", dModel);
    m.put("heads", heads);
    m.put("mlp-hidden", mlpHidden);
    m.put("state-vocab", stateVocab);
    m.put("action-vocab", actionVocab);
    m.put("prompt-vocab", promptVocab);
    m.put("reward-hidden", rewardHidden);
    m.put("return-feature", returnFeature);
    return m;
  }

  /**
   * Reads a config written by {@link #toMap()}; {@code where} names the source in errors. A config
   * without {@code return-feature} (written before it existed) has none.
   */
  public static ModelConfig fromMap(Map<?, ?> m, String where) {
    Object ret = m.get("return-feature");
    if (ret != null && !(ret instanceof Boolean)) {
      throw new InvalidInputException(where + ": model config 'return-feature' is not a boolean: "
          + ret);
    }
    return new ModelConfig(get(m, "layers", where), get(m, "d-model", where),
        get(m, "heads", where), get(m, "mlp-hidden", where), get(m, "state-vocab", where),
        get(m, "action-vocab", where), get(m, "prompt-vocab", where),
        get(m, "reward-hidden", where), Boolean.TRUE.equals(ret));
  }

  /** A one-line description of how this config differs from {@code other}, or "" if equal. */
  public String differences(ModelConfig other) {
    StringBuilder sb = new StringBuilder();
    Map<String, Object> a = toMap();
    Map<String, Object> b = other.toMap();
    for (String k : a.keySet()) {
      if (!a.get(k).equals(b.get(k))) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(k).append(' ').append(a.get(k)).append(" vs ").append(b.get(k));
      }
    }
    return sb.toString();
  }

  private static int get(Map<?, ?> m, String key, String where) {
    Object v = m.get(key);
    if (!(v instanceof Number n)) {
      throw new InvalidInputException(where + ": model config has no integer '" + key + "'");
    }
    return n.intValue();
  }

  private static void positive(String name, int v) {
    if (v <= 0) {
      throw new InvalidInputException("model " + name + " must be positive, got " + v);
    }
  }
}
