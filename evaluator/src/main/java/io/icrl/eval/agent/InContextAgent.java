package io.icrl.eval.agent;

import io.icrl.core.InvalidInputException;
import io.icrl.eval.Mode;
import io.icrl.eval.context.ContextEpisode;
import io.icrl.synth.format.Tag;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The meta-trained model as an agent, with frozen weights: it adapts only through its context.
 *
 * <p>Per run it draws a fresh random permutation of state IDs and of action IDs, resets the model's
 * context, feeds the mode's context data row by row (with the data's own tag), then plays: each
 * observation starts a row whose logits, restricted to the task's actions, are sampled at the
 * temperature of the current episode; the action and its (shaped) reward complete the row; the
 * end of an episode adds a boundary row (final observation, no action, prompt and tag UNK, as in
 * training data). The context is kept across episodes; a mode may pin its context data, and the
 * agent's own first episodes, in it ({@link ContextPolicy}, {@link RowModel#pinContext}) so that the
 * agent's later oldest episodes scroll out first, and may have the agent's episodes of lowest
 * return dropped first instead ({@link RowModel#dropLowestReturnFirst}).
 */
public final class InContextAgent implements EvalAgent {
  private final RowModel model;
  private final Map<Mode, TemperatureSchedule> temperatures;
  private final Map<Mode, ContextPolicy> contexts;
  private ContextPolicy context;
  private TemperatureSchedule temperature;
  /** Whether the mode's context data is complete (the agent has acted). */
  private boolean playing;
  private AgentRun run;
  private IdPermutation statePerm;
  private IdPermutation actionPerm;
  private double[] probs;
  private int episode;
  /** The agent's own environment steps so far, and at the start of the current episode. */
  private long steps;
  private long stepsAtEpisodeStart;
  private int lastAction = -1;

  /**
   * An agent driving {@code model} at the temperature schedule of each run's mode, keeping in its
   * context what the mode's {@link ContextPolicy} says (modes not in {@code contexts}: {@link
   * ContextPolicy#NONE}); the agent owns the model and closes it at {@link #end()}.
   */
  public InContextAgent(RowModel model, Map<Mode, TemperatureSchedule> temperatures,
      Map<Mode, ContextPolicy> contexts) {
    for (Mode m : Mode.values()) {
      if (!temperatures.containsKey(m)) {
        throw new IllegalArgumentException("no temperature schedule for mode " + m.id());
      }
    }
    this.model = model;
    this.temperatures = Map.copyOf(temperatures);
    this.contexts = Map.copyOf(contexts);
  }

  /** An agent driving {@code model} at the temperature schedule of each run's mode, no pinning. */
  public InContextAgent(RowModel model, Map<Mode, TemperatureSchedule> temperatures) {
    this(model, temperatures, Map.of());
  }

  /** An agent driving {@code model} at the same temperature schedule in every mode. */
  public InContextAgent(RowModel model, TemperatureSchedule temperature) {
    this(model, everyMode(temperature));
  }

  /** {@code schedule} for every mode. */
  public static Map<Mode, TemperatureSchedule> everyMode(TemperatureSchedule schedule) {
    Map<Mode, TemperatureSchedule> m = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      m.put(mode, schedule);
    }
    return m;
  }

  @Override
  public void begin(AgentRun r) {
    TaskInfo t = r.task();
    if (t.states() > model.maxStates() || t.actions() > model.maxActions()) {
      throw new InvalidInputException("task " + t.id() + " has " + t.states() + " states and "
          + t.actions() + " actions; the model handles at most " + model.maxStates() + " and "
          + model.maxActions());
    }
    this.run = r;
    this.temperature = temperatures.get(r.mode());
    this.statePerm = IdPermutation.random(t.states(), r.rng());
    this.actionPerm = IdPermutation.random(t.actions(), r.rng());
    this.probs = new double[t.actions()];
    this.episode = 1;
    this.steps = 0;
    this.stepsAtEpisodeStart = 0;
    this.lastAction = -1;
    this.playing = false;
    this.context = contexts.getOrDefault(r.mode(), ContextPolicy.NONE);
    model.reset(t.states(), t.actions(), r.rng());
    model.dropLowestReturnFirst(context.lowestReturnFirst());
  }

  @Override
  public void observeContext(ContextEpisode ep) {
    Tag prompt = run.prompt();
    for (int i = 0; i < ep.length(); i++) {
      model.appendRow(statePerm.apply(ep.state(i)), prompt, ep.tag(),
          actionPerm.apply(ep.action(i)), (float) run.shaping().apply(ep.reward(i)), false, false);
    }
    model.appendRow(statePerm.apply(ep.finalState()), Tag.UNK, Tag.UNK, -1, 0f, ep.terminated(),
        ep.truncated());
  }

  @Override
  public int act(int state) {
    if (!playing) {
      playing = true;
      if (context.pins() && context.ownEpisodes() == 0) {
        model.pinContext(context.share());
      }
    }
    float[] logits = model.beginRow(statePerm.apply(state), run.prompt(), run.tag());
    int choice = sample(logits, temperature.at(episode, stepsAtEpisodeStart), run.rng());
    lastAction = actionPerm.invert(choice);
    return lastAction;
  }

  /** Samples a permuted action ID from the logits of the task's actions at temperature {@code t}. */
  private int sample(float[] logits, double t, SplittableRandom rng) {
    int n = probs.length;
    int best = 0;
    for (int a = 1; a < n; a++) {
      if (logits[a] > logits[best]) {
        best = a;
      }
    }
    if (t <= 0) {
      return best;
    }
    double sum = 0;
    for (int a = 0; a < n; a++) {
      probs[a] = StrictMath.exp((logits[a] - logits[best]) / t);
      sum += probs[a];
    }
    double u = rng.nextDouble() * sum;
    for (int a = 0; a < n; a++) {
      u -= probs[a];
      if (u < 0) {
        return a;
      }
    }
    return best;
  }

  @Override
  public void observe(double reward, int nextState, boolean terminated, boolean truncated) {
    model.endRow(actionPerm.apply(lastAction), (float) run.shaping().apply(reward), false, false);
    steps++;
    if (terminated || truncated) {
      model.appendRow(statePerm.apply(nextState), Tag.UNK, Tag.UNK, -1, 0f, terminated,
          truncated);
      if (context.pins() && context.ownEpisodes() == episode) {
        model.pinContext(context.share());
      }
      episode++;
      stepsAtEpisodeStart = steps;
    }
  }

  @Override
  public void end() {
    model.close();
  }

  /** The permutation of state IDs of the current run (task ID -> ID the model sees). */
  public IdPermutation statePermutation() {
    return statePerm;
  }

  /** The permutation of action IDs of the current run (task ID -> ID the model sees). */
  public IdPermutation actionPermutation() {
    return actionPerm;
  }

  /** The episode being played, numbered from 1. */
  public int episode() {
    return episode;
  }
}
