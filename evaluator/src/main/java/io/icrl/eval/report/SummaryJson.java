package io.icrl.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.agent.InContextAgentFactory;
import io.icrl.eval.task.PreparedTask;
import io.icrl.eval.task.References;
import io.icrl.eval.sweep.SweepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}: the sweep's settings, each task's references, and per task/mode/agent the
 * normalized score at episodes 1, 5, 10 and E, the mean score and return, and the episodes to
 * reach the threshold, each as {@code {mean, low, high, n}} over seeds (95% Student-t interval).
 */
public final class SummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  /** The file's text. */
  public static String render(SweepResult result) {
    EvalSettings s = result.settings();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("episodes", s.episodes());
    root.put("seeds", s.seeds());
    root.put("root_seed", s.rootSeed());
    root.put("threshold", s.threshold());
    List<String> modes = new ArrayList<>();
    for (Mode m : s.modes()) {
      modes.add(m.id());
    }
    root.put("modes", modes);
    root.put("agents", result.agents());
    root.put("model", result.modelDescription());
    if (result.agents().contains(InContextAgentFactory.NAME)) {
      Map<String, Object> protocol = new LinkedHashMap<>();
      protocol.put("context", s.model().context());
      protocol.put("keep_fraction", s.model().keepFraction());
      for (Mode m : s.modes()) {
        protocol.put(m.id(), ModeProtocol.json(s, m));
      }
      root.put("model_protocol", protocol);
    }
    Map<String, Object> tasks = new LinkedHashMap<>();
    for (PreparedTask t : result.tasks()) {
      References r = t.references();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("states", t.info().states());
      m.put("actions", t.info().actions());
      m.put("max_episode_steps", t.info().maxEpisodeSteps());
      m.put("optimal_return", r.optimal());
      m.put("random_return", r.random());
      m.put("reference_source", r.source());
      tasks.put(t.id(), m);
    }
    root.put("tasks", tasks);
    List<Object> series = new ArrayList<>();
    for (Series x : Series.of(result)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("task", x.task());
      m.put("mode", x.mode().id());
      m.put("agent", x.agent());
      m.put("seeds", x.seeds());
      m.put("episodes", x.episodes());
      Map<String, Object> at = new LinkedHashMap<>();
      for (int e : x.reportedEpisodes()) {
        at.put(Integer.toString(e), interval(x.scoreAt(e)));
      }
      m.put("score_at_episode", at);
      m.put("mean_score", interval(x.meanScore()));
      m.put("mean_return", interval(x.meanReturn()));
      Map<String, Object> reach = interval(x.episodesToThreshold(s.threshold()));
      reach.put("reached", x.reached(s.threshold()));
      m.put("episodes_to_threshold", reach);
      series.add(m);
    }
    root.put("series", series);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> interval(Interval i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", finite(i.mean()));
    m.put("low", finite(i.low()));
    m.put("high", finite(i.high()));
    m.put("n", i.n());
    return m;
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
