package io.icrl.eval.baseline;

import io.icrl.eval.Mode;
import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.context.ContextEpisode;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A REGENT-style retrieval agent: it acts as the 1-nearest neighbour of the current state in the
 * context data, playing the action recorded there. States of tabular tasks have no geometry, so
 * the distance is 0 for the same state and 1 otherwise: the agent plays the action of a context row
 * at the same state, chosen uniformly among such rows (equidistant neighbours), and of a uniformly
 * chosen row of the whole context when the state never occurs in it. It does not learn from its own
 * experience. Only for modes with context data.
 */
public final class NearestNeighbourAgent implements EvalAgent {
  private int[][] actionsAt; // per state: the actions of context rows at that state
  private int[] counts;
  private int[] all;
  private int allCount;
  private int actions;
  private SplittableRandom rng;

  /** Whether the agent takes part in {@code mode}. */
  public static boolean supports(Mode mode) {
    return mode.hasContextData();
  }

  @Override
  public void begin(AgentRun run) {
    int states = run.task().states();
    actions = run.task().actions();
    actionsAt = new int[states][];
    counts = new int[states];
    all = new int[16];
    allCount = 0;
    rng = run.rng();
  }

  @Override
  public void observeContext(ContextEpisode ep) {
    for (int i = 0; i < ep.length(); i++) {
      int s = ep.state(i);
      int a = ep.action(i);
      if (actionsAt[s] == null) {
        actionsAt[s] = new int[4];
      } else if (counts[s] == actionsAt[s].length) {
        actionsAt[s] = Arrays.copyOf(actionsAt[s], 2 * counts[s]);
      }
      actionsAt[s][counts[s]++] = a;
      if (allCount == all.length) {
        all = Arrays.copyOf(all, 2 * allCount);
      }
      all[allCount++] = a;
    }
  }

  @Override
  public int act(int state) {
    int n = counts[state];
    if (n > 0) {
      return actionsAt[state][rng.nextInt(n)];
    }
    if (allCount > 0) {
      return all[rng.nextInt(allCount)];
    }
    return rng.nextInt(actions);
  }

  @Override
  public void observe(double reward, int nextState, boolean terminated, boolean truncated) {}
}
