package io.icrl.eval.sweep;

import io.icrl.core.Seeds;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.ModeSettings;
import io.icrl.eval.agent.AgentFactory;
import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.agent.RewardShaping;
import io.icrl.eval.baseline.BehaviorData;
import io.icrl.eval.context.ContextData;
import io.icrl.eval.context.ContextEpisode;
import io.icrl.eval.context.EpisodePolicy;
import io.icrl.eval.task.PreparedTask;
import io.icrl.eval.task.References;
import io.icrl.tasks.env.DiscreteEnv;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one cell. Every random stream is derived from the sweep's root seed and the cell's
 * coordinates, so a cell's result does not depend on which thread runs it or when:
 *
 * <ul>
 *   <li>context data: stream {@code context|task|mode}, index seed (the same data for every agent
 *       of that task, mode and seed);
 *   <li>the environment the agent plays: stream {@code env|task|mode}, index seed (common random
 *       numbers across agents);
 *   <li>the agent's own randomness: stream {@code agent|task|mode|agent}, index seed.
 * </ul>
 */
public final class CellRunner {
  private final EvalSettings settings;

  public CellRunner(EvalSettings settings) {
    this.settings = settings;
  }

  /** Plays the cell with an agent of {@code factory} on {@code task}. */
  public CellResult run(Cell cell, PreparedTask task, AgentFactory factory) {
    List<ContextEpisode> context = contextData(task, cell.mode(), cell.seed());
    References refs = task.references();
    if (factory instanceof BehaviorData) {
      List<EpisodeRecord> rows = new ArrayList<>(context.size());
      ActionStats stats = new ActionStats(task.optimum());
      for (int i = 0; i < context.size(); i++) {
        ContextEpisode e = context.get(i);
        for (int t = 0; t < e.length(); t++) {
          stats.record(e.state(t), t, e.action(t));
        }
        rows.add(stats.finish(i + 1, e.trueReturn(), refs.score(e.trueReturn()), e.length()));
      }
      return new CellResult(cell, rows);
    }
    String base = cell.task() + "|" + cell.mode().id();
    long root = settings.rootSeed();
    ModeSettings ms = settings.modeSettings().get(cell.mode());
    AgentRun run = new AgentRun(task.info(), cell.mode(), settings.episodes(),
        Seeds.rng(root, "agent|" + base + "|" + cell.agent(), cell.seed()), ms.prompt(), ms.tag(),
        RewardShaping.forTask(settings.rewardShaping(), cell.task()));
    EvalAgent agent = factory.create(task);
    List<EpisodeRecord> rows = new ArrayList<>(settings.episodes());
    ActionStats stats = new ActionStats(task.optimum());
    try {
      agent.begin(run);
      for (ContextEpisode e : context) {
        agent.observeContext(e);
      }
      DiscreteEnv env = task.newEnv();
      int s = env.reset(Seeds.derive(root, "env|" + base, cell.seed()));
      for (int ep = 1; ep <= settings.episodes(); ep++) {
        if (ep > 1) {
          s = env.reset();
        }
        double ret = 0;
        int steps = 0;
        while (true) {
          int a = agent.act(s);
          stats.record(s, steps, a);
          s = env.step(a);
          double r = env.reward();
          ret += r;
          steps++;
          boolean term = env.terminated();
          boolean trunc = env.truncated();
          agent.observe(r, s, term, trunc);
          if (term || trunc) {
            break;
          }
        }
        rows.add(stats.finish(ep, ret, refs.score(ret), steps));
      }
    } finally {
      agent.end();
    }
    return new CellResult(cell, rows);
  }

  /** The context data of {@code mode} for seed index {@code seed} (empty online). */
  public List<ContextEpisode> contextData(PreparedTask task, Mode mode, int seed) {
    ModeSettings ms = settings.modeSettings().get(mode);
    if (!mode.hasContextData() || ms.episodes() == 0) {
      return List.of();
    }
    int actions = task.info().actions();
    EpisodePolicy optimal = EpisodePolicy.optimal(task.optimum());
    EpisodePolicy policy = switch (ms.policy()) {
      case "optimal" -> optimal;
      case "noisy-oracle" -> EpisodePolicy.noisy(optimal, ms.epsilon(), actions);
      case "random" -> EpisodePolicy.random(actions);
      default -> throw new IllegalStateException("unknown context policy " + ms.policy());
    };
    String base = task.id() + "|" + mode.id();
    long root = settings.rootSeed();
    return ContextData.rollouts(task.newEnv(), Seeds.derive(root, "context-env|" + base, seed),
        policy, ms.episodes(), ms.dataTag(), Seeds.rng(root, "context|" + base, seed));
  }
}
