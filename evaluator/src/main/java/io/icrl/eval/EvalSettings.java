package io.icrl.eval;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import io.icrl.eval.agent.ContextPolicy;
import io.icrl.eval.agent.RewardShaping;
import io.icrl.eval.agent.TemperatureSchedule;
import io.icrl.eval.baseline.Baselines;
import io.icrl.eval.baseline.ModelBasedSettings;
import io.icrl.eval.baseline.QLearningSettings;
import io.icrl.eval.baseline.UcbQSettings;
import io.icrl.eval.task.ReferenceSettings;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every evaluation setting, read from {@code icrl.eval} (defaults in the evaluator's
 * reference.conf).
 *
 * @param episodes episodes per run (E)
 * @param seeds independent runs per cell (K)
 * @param rootSeed root of every random stream of a sweep
 * @param threads worker threads (0 = all cores)
 * @param modes the modes of a sweep
 * @param agents the baseline agents of a sweep
 * @param threshold the normalized score of "episodes to threshold"
 * @param temperature the in-context model's sampling temperature per episode
 * @param model how the in-context model of a checkpoint runs
 * @param modeSettings how each mode feeds its agents
 * @param qLearning Q-learning settings
 * @param ucbQ UCB Q-learning settings
 * @param modelBased model-based learner settings
 * @param references how references of tasks without exact models are obtained
 * @param rewardShaping per task name, the shaping of rewards fed into a model's context
 * @param suites named task lists
 * @param heldOut the generated held-out AnyMDP suite
 * @param validation the generated validation AnyMDP suite (seeds disjoint from the held-out ones)
 * @param defaultSuites the suites of a sweep given no task
 */
public record EvalSettings(int episodes, int seeds, long rootSeed, int threads, List<Mode> modes,
    List<String> agents, double threshold, TemperatureSchedule temperature, ModelSettings model,
    Map<Mode, ModeSettings> modeSettings, QLearningSettings qLearning, UcbQSettings ucbQ,
    ModelBasedSettings modelBased, ReferenceSettings references,
    Map<String, RewardShaping> rewardShaping, Map<String, List<String>> suites,
    HeldOutSuite heldOut, HeldOutSuite validation, List<String> defaultSuites) {
  /** The config path of the evaluator's settings. */
  public static final String PATH = "icrl.eval";

  /** Reads and validates {@code icrl.eval}. */
  public static EvalSettings fromConfig(Config c) {
    String p = PATH;
    List<Mode> modes = Mode.parseList(String.join(",", Settings.stringList(c, p + ".modes")));
    List<String> agents = List.copyOf(Settings.stringList(c, p + ".agents"));
    for (String a : agents) {
      if (!Baselines.NAMES.contains(a)) {
        throw new InvalidInputException("setting " + p + ".agents: unknown agent '" + a
            + "'; known: " + String.join(", ", Baselines.NAMES));
      }
    }
    Map<Mode, ModeSettings> ms = new EnumMap<>(Mode.class);
    for (Mode m : Mode.values()) {
      ms.put(m, ModeSettings.fromConfig(c, p, m));
    }
    Map<String, List<String>> suites = new LinkedHashMap<>();
    for (String name : c.getObject(p + ".suites").keySet()) {
      suites.put(name, List.copyOf(Settings.stringList(c, p + ".suites.\"" + name + "\"")));
    }
    for (String generated : List.of(HeldOutSuite.NAME, HeldOutSuite.VALIDATION_NAME)) {
      if (suites.containsKey(generated)) {
        throw new InvalidInputException("setting " + p + ".suites: '" + generated
            + "' is generated; configure it under " + p + "." + generated);
      }
    }
    HeldOutSuite heldOut = HeldOutSuite.fromConfig(c, p + ".held-out-anymdp");
    HeldOutSuite validation = HeldOutSuite.fromConfig(c, p + ".validation-anymdp");
    if (validation.firstSeed() < heldOut.firstSeed() + heldOut.count()
        && heldOut.firstSeed() < validation.firstSeed() + validation.count()) {
      throw new InvalidInputException("setting " + p + ".validation-anymdp.first-seed: seeds ["
          + validation.firstSeed() + ", " + (validation.firstSeed() + validation.count())
          + ") overlap the held-out seeds [" + heldOut.firstSeed() + ", "
          + (heldOut.firstSeed() + heldOut.count()) + ") of " + p + ".held-out-anymdp");
    }
    double threshold = Settings.probability(c, p + ".threshold");
    int threads = Settings.nonNegativeInt(c, p + ".threads");
    return new EvalSettings(Settings.positiveInt(c, p + ".episodes"),
        Settings.positiveInt(c, p + ".seeds"), Settings.longValue(c, p + ".root-seed"), threads,
        modes, agents, threshold, TemperatureSchedule.fromConfig(c, p + ".temperature"),
        ModelSettings.fromConfig(c, p + ".model"), Map.copyOf(ms),
        QLearningSettings.fromConfig(c, p + ".q-learning"),
        UcbQSettings.fromConfig(c, p + ".ucb-q"),
        ModelBasedSettings.fromConfig(c, p + ".model-based"),
        ReferenceSettings.fromConfig(c, p + ".references"),
        Map.copyOf(RewardShaping.tableFromConfig(c, p + ".reward-shaping")),
        java.util.Collections.unmodifiableMap(suites),
        heldOut, validation,
        List.copyOf(Settings.stringList(c, p + ".default-suites")));
  }

  /**
   * The in-context model's temperature schedule in each mode: {@link #temperature()}, with the
   * start and end temperatures a mode sets ({@code icrl.eval.<mode>.temperature-start|end}) in
   * their place.
   */
  public Map<Mode, TemperatureSchedule> temperatures() {
    Map<Mode, TemperatureSchedule> out = new EnumMap<>(Mode.class);
    for (Mode m : Mode.values()) {
      TemperatureSchedule t = temperature;
      OptionalDouble start = modeSettings.get(m).temperatureStart();
      OptionalDouble end = modeSettings.get(m).temperatureEnd();
      out.put(m, new TemperatureSchedule(start.orElse(t.start()), end.orElse(t.end()),
          t.annealEpisodes(), t.geometric(), t.annealSteps()));
    }
    return Map.copyOf(out);
  }

  /** Per mode, what the in-context agent keeps in its model's context when it is full. */
  public Map<Mode, ContextPolicy> contextPolicies() {
    Map<Mode, ContextPolicy> out = new EnumMap<>(Mode.class);
    for (Mode m : Mode.values()) {
      out.put(m, modeSettings.get(m).context());
    }
    return Map.copyOf(out);
  }

  /** The worker thread count: {@link #threads()} or, when 0, every available core. */
  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** A copy with another episode count, seed count, thread count, modes and agents. */
  public EvalSettings with(int newEpisodes, int newSeeds, int newThreads, List<Mode> newModes,
      List<String> newAgents) {
    return new EvalSettings(newEpisodes, newSeeds, rootSeed, newThreads, List.copyOf(newModes),
        List.copyOf(newAgents), threshold, temperature, model, modeSettings, qLearning, ucbQ,
        modelBased, references, rewardShaping, suites, heldOut, validation, defaultSuites);
  }
}
