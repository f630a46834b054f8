package io.icrl.eval.report;

import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.ModeSettings;
import io.icrl.eval.agent.ContextPin;
import io.icrl.eval.agent.TemperatureSchedule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a mode fed and ran the in-context model in a sweep (context data, prompt and tags, sampling
 * temperature, pinned context), for the outputs, so a report says which protocol made its numbers.
 */
final class ModeProtocol {
  private ModeProtocol() {}

  /** One line, e.g. "2 episodes of optimal data (tag OPT3), pinned in up to 0.5 of the context". */
  static String describe(EvalSettings s, Mode mode) {
    ModeSettings ms = s.modeSettings().get(mode);
    StringBuilder b = new StringBuilder();
    if (mode != Mode.ONLINE) {
      b.append(ms.episodes()).append(" episodes of ").append(ms.policy());
      if (ms.policy().equals("noisy-oracle")) {
        b.append(" (epsilon ").append(fmt(ms.epsilon())).append(')');
      }
      b.append(" data tagged ").append(ms.dataTag()).append("; ");
    }
    b.append("prompt ").append(ms.prompt()).append(", own steps tagged ").append(ms.tag());
    TemperatureSchedule t = s.temperatures().get(mode);
    b.append("; temperature ").append(fmt(t.start())).append(" -> ").append(fmt(t.end()));
    b.append(t.annealSteps() > 0 ? " over " + t.annealSteps() + " steps"
        : " over " + t.annealEpisodes() + " episodes");
    b.append(t.geometric() ? " (geometric)" : "");
    ContextPin pin = s.pins().get(mode);
    if (pin.pins()) {
      b.append("; pinned in up to ").append(fmt(pin.share())).append(" of the context: ")
          .append(mode == Mode.ONLINE ? "" : "the data")
          .append(mode != Mode.ONLINE && pin.ownEpisodes() > 0 ? " and " : "")
          .append(pin.ownEpisodes() > 0 ? "the agent's first " + pin.ownEpisodes() + " episodes"
              : "");
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
    ContextPin pin = s.pins().get(mode);
    m.put("pin_share", pin.share());
    m.put("pin_own_episodes", pin.ownEpisodes());
    return m;
  }

  private static String fmt(double x) {
    return Double.toString(x);
  }
}
