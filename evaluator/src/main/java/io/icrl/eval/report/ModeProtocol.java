package io.icrl.eval.report;

import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.ModeSettings;
import io.icrl.eval.agent.ContextPolicy;
import io.icrl.eval.agent.TemperatureSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a mode fed and ran the in-context model in a sweep (context data, prompt and tags, sampling
 * temperature, what its context keeps), for the outputs, so a report says which protocol made its numbers.
 */
final class ModeProtocol {
  private ModeProtocol() {}

  /**
   * One line, e.g. "2 episodes of optimal data tagged OPT3; prompt OPT3, own steps tagged UNK;
   * temperature 1.0 -> 0.1 over 10 episodes; pinned in up to 0.5 of the context: the data".
   */
  static String describe(EvalSettings s, Mode mode) {
    ModeSettings ms = s.modeSettings().get(mode);
    StringBuilder b = new StringBuilder();
    if (mode != Mode.ONLINE) {
      b.append(ms.episodes()).append(" episodes of ").append(ms.policy());
      if (ms.policy().equals("noisy-oracle")) {
        b.append(" (epsilon ").append(ms.epsilon()).append(')');
      }
      b.append(" data tagged ").append(ms.dataTag()).append("; ");
    }
    b.append("prompt ").append(ms.prompt()).append(", own steps tagged ").append(ms.tag());
    TemperatureSchedule t = s.temperatures().get(mode);
    b.append("; temperature ").append(t.start()).append(" -> ").append(t.end()).append(" over ")
        .append(t.annealSteps() > 0 ? t.annealSteps() + " steps" : t.annealEpisodes() + " episodes")
        .append(t.geometric() ? " (geometric)" : "");
    ContextPolicy context = s.contextPolicies().get(mode);
    if (context.pins()) {
      List<String> pinned = new ArrayList<>();
      if (mode != Mode.ONLINE) {
        pinned.add("the data");
      }
      if (context.ownEpisodes() > 0) {
        pinned.add("the agent's first " + context.ownEpisodes() + " episodes");
      }
      b.append("; pinned in up to ").append(context.share()).append(" of the context: ")
          .append(String.join(" and ", pinned));
    }
    if (context.lowestReturnFirst()) {
      b.append("; a full context drops the agent's episodes of lowest return first");
    }
    return b.toString();
  }

  /** The same as JSON fields. */
  static Map<String, Object> json(EvalSettings s, Mode mode) {
    ModeSettings ms = s.modeSettings().get(mode);
    Map<String, Object> m = new LinkedHashMap<>();
    if (mode != Mode.ONLINE) {
      m.put("context_episodes", ms.episodes());
      m.put("policy", ms.policy());
      m.put("epsilon", ms.epsilon());
      m.put("data_tag", ms.dataTag().name());
    }
    m.put("prompt", ms.prompt().name());
    m.put("tag", ms.tag().name());
    TemperatureSchedule t = s.temperatures().get(mode);
    Map<String, Object> temperature = new LinkedHashMap<>();
    temperature.put("start", t.start());
    temperature.put("end", t.end());
    temperature.put("anneal_episodes", t.annealEpisodes());
    temperature.put("anneal_steps", t.annealSteps());
    temperature.put("shape", t.geometric() ? "geometric" : "linear");
    m.put("temperature", temperature);
    ContextPolicy context = s.contextPolicies().get(mode);
    m.put("pin_share", context.share());
    m.put("pin_own_episodes", context.ownEpisodes());
    m.put("drop", context.lowestReturnFirst() ? "lowest-return" : "oldest");
    return m;
  }
}
