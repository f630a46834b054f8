package io.icrl.eval.baseline;

import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.context.ContextEpisode;
import io.icrl.synth.behavior.ModelLearner;
import java.util.SplittableRandom;

/**
 * Model-based RL from scratch: data-synth's {@link ModelLearner} (counts give an estimated model,
 * value-iteration sweeps over it give action values, acting is optimistic sampling) playing the
 * task itself. The strongest tabular learner of the baselines, and the one closest to what a
 * context of transitions allows: everything it knows is a function of the transitions seen.
 */
public final class ModelBasedAgent implements EvalAgent {
  private final ModelBasedSettings settings;
  private ModelLearner learner;
  private SplittableRandom rng;
  private int lastState;
  private int lastAction;

  public ModelBasedAgent(ModelBasedSettings settings) {
    this.settings = settings;
  }

  @Override
  public void begin(AgentRun run) {
    learner = new ModelLearner(run.task().states(), run.task().actions(), settings.gamma(),
        settings.bonus(), settings.sweeps(), settings.replanInterval());
    rng = run.rng();
  }

  @Override
  public void observeContext(ContextEpisode ep) {
    if (!settings.learnFromContext()) {
      return;
    }
    // the last step ends the episode for the learner (which plans there) however the data ended
    for (int i = 0; i < ep.length(); i++) {
      learner.observe(ep.state(i), ep.action(i), ep.reward(i), ep.nextState(i),
          ep.terminatesAt(i), i == ep.length() - 1);
    }
  }

  @Override
  public int act(int state) {
    lastState = state;
    lastAction = learner.act(state, rng);
    return lastAction;
  }

  @Override
  public void observe(double reward, int nextState, boolean terminated, boolean truncated) {
    learner.observe(lastState, lastAction, reward, nextState, terminated, truncated);
  }
}
