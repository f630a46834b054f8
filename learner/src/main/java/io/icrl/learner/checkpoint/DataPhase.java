package io.icrl.learner.checkpoint;

import io.icrl.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stretch of a training run on one dataset: from step {@code fromStep} (the first step
 * trained on it is {@code fromStep + 1}) until the next phase starts. A run whose data grew while
 * it trained (datasets added on resume, e.g. the model's own play between two stretches) has
 * several phases, each dataset id extending the one before it.
 *
 * @param fromStep optimizer steps taken before this phase began
 * @param datasetId the {@code WindowSource.datasetId()} trained on in this phase
 */
public record DataPhase(long fromStep, String datasetId) {

  /** The phases as written into {@code state.json}, the run manifest and the model manifest. */
  public static List<Map<String, Object>> toMaps(List<DataPhase> phases) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DataPhase p : phases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("from-step", p.fromStep());
      m.put("dataset-id", p.datasetId());
      out.add(m);
    }
    return out;
  }

  /** Reads {@link #toMaps}'s form; {@code where} names the file in errors. */
  public static List<DataPhase> fromMaps(List<?> maps, String where) {
    List<DataPhase> out = new ArrayList<>();
    for (Object o : maps) {
      if (!(o instanceof Map<?, ?> m) || !(m.get("from-step") instanceof Number n)
          || !(m.get("dataset-id") instanceof String id)) {
        throw new InvalidInputException(where + ": malformed data-phases entry " + o
            + " (expected {from-step: N, dataset-id: ID})");
      }
      out.add(new DataPhase(n.longValue(), id));
    }
    return List.copyOf(out);
  }

  /**
   * True when a run trained on {@code before} may go on with {@code after}: the datasets of
   * {@code after} are those of {@code before} followed by at least one more (ids of concatenated
   * datasets are their parts' ids joined by {@code +}).
   */
  public static boolean isExtension(String before, String after) {
    return after.startsWith(before + "+");
  }
}
