package io.icrl.eval.bench;

import io.icrl.eval.Mode;
import io.icrl.eval.agent.AgentFactory;
import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.agent.RewardShaping;
import io.icrl.eval.context.ContextData;
import io.icrl.eval.context.ContextEpisode;
import io.icrl.eval.context.EpisodePolicy;
import io.icrl.eval.task.PreparedTask;
import io.icrl.synth.format.Tag;
import io.icrl.tasks.env.DiscreteEnv;
import java.util.SplittableRandom;

/**
 * Agent steps per second (act + environment step + observe) on a prepared task, optionally after
 * filling the agent's context with a number of rows of random-policy data first (for the in-context
 * model at contexts of 1k and 4k rows).
 */
public final class AgentThroughput {
  private AgentThroughput() {}

  /**
   * Plays {@code steps} steps after feeding at least {@code contextRows} rows of context data and
   * returns steps per second of wall time.
   */
  public static double stepsPerSecond(AgentFactory factory, PreparedTask task, int contextRows,
      int steps, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    EvalAgent agent = factory.create(task);
    try {
      agent.begin(new AgentRun(task.info(), Mode.OFFLINE, Integer.MAX_VALUE, rng, Tag.OPT3,
          Tag.UNK, RewardShaping.NONE));
      DiscreteEnv dataEnv = task.newEnv();
      int rows = 0;
      long dataSeed = seed;
      while (rows < contextRows) {
        for (ContextEpisode e : ContextData.rollouts(dataEnv, dataSeed++,
            EpisodePolicy.random(task.info().actions()), 1, Tag.RND, rng)) {
          agent.observeContext(e);
          rows += e.length() + 1;
        }
      }
      DiscreteEnv env = task.newEnv();
      int s = env.reset(seed);
      long start = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        s = env.step(agent.act(s));
        agent.observe(env.reward(), s, env.terminated(), env.truncated());
        if (env.terminated() || env.truncated()) {
          s = env.reset();
        }
      }
      return steps / ((System.nanoTime() - start) / 1e9);
    } finally {
      agent.end();
    }
  }
}
