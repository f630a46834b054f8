package io.icrl.eval.task;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How reference returns of tasks without an exact model are obtained ({@code
 * icrl.eval.references}).
 *
 * @param modelEpisodes episodes sampled to estimate a model
 * @param modelRounds rounds of optimistic exploration those episodes are split into
 * @param evaluationEpisodes Monte Carlo episodes for each estimated return
 * @param overrides documented references by task id, used instead of any computation
 */
public record ReferenceSettings(int modelEpisodes, int modelRounds, int evaluationEpisodes,
    Map<String, References> overrides) {

  /** Reads {@code path} (e.g. {@code icrl.eval.references}). */
  public static ReferenceSettings fromConfig(Config c, String path) {
    Map<String, References> overrides = new LinkedHashMap<>();
    for (String id : c.getObject(path + ".overrides").keySet()) {
      String p = path + ".overrides.\"" + id + "\"";
      Config entry;
      try {
        entry = c.getConfig(p);
      } catch (ConfigException e) {
        throw new InvalidInputException("setting " + p + ": expected {optimal = .., random = ..}",
            e);
      }
      for (String k : entry.root().keySet()) {
        if (!k.equals("optimal") && !k.equals("random")) {
          throw new InvalidInputException("setting " + p + "." + k + ": unknown key; known:"
              + " optimal, random");
        }
      }
      overrides.put(id, new References(Settings.number(c, p + ".optimal"),
          Settings.number(c, p + ".random"), "configured"));
    }
    return new ReferenceSettings(Settings.positiveInt(c, path + ".model-episodes"),
        Settings.positiveInt(c, path + ".model-rounds"),
        Settings.positiveInt(c, path + ".evaluation-episodes"), Map.copyOf(overrides));
  }
}
