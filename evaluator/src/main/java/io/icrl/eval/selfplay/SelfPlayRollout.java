package io.icrl.eval.selfplay;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.ModeSettings;
import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.agent.InContextAgent;
import io.icrl.eval.agent.RewardShaping;
import io.icrl.eval.agent.RowModelSource;
import io.icrl.eval.agent.TaskInfo;
import io.icrl.synth.behavior.ReferencePolicies;
import io.icrl.synth.format.Tag;
import io.icrl.synth.format.TrainingTasks;
import io.icrl.synth.rollout.SequenceColumns;
import io.icrl.synth.rollout.SequenceInfo;
import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.env.DiscreteEnv;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.List;

/**
 * One self-play sequence: the in-context model plays one of its training tasks online, with the
 * online mode's protocol (prompt, tag of its own steps, temperature schedule, context policy), and
 * every step becomes a row laid out as {@code icrl synth} lays them out: (state, action, label,
 * prompt, tag, reward, episode, episode step), the label being the action of the reference policy
 * the prompt names (opt3 for the online prompt), and a boundary row after each episode (final
 * state, no action or label, prompt and tag UNK, the termination flags).
 *
 * <p>Sequence {@code i} depends only on (seed, i) and the model: its task seed is drawn with stream
 * {@code selfplay-task}, the environment is reset with stream {@code selfplay-env} and the agent
 * samples from stream {@code selfplay-agent}.
 */
final class SelfPlayRollout {
  private final SelfPlaySettings settings;
  private final EvalSettings eval;
  private final RowModelSource model;
  private final TrainingTasks tasks;
  private final TaskRegistry registry;
  private final List<Double> gammas;

  /**
   * @param gammas the discounts of the reference policies opt0..opt3 (the training data's
   *     {@code icrl.synth.reference.gammas}), which define the labels
   */
  SelfPlayRollout(SelfPlaySettings settings, EvalSettings eval, RowModelSource model,
      TrainingTasks tasks, TaskRegistry registry, List<Double> gammas) {
    ModeSettings online = eval.modeSettings().get(Mode.ONLINE);
    if (online.prompt().ordinal() > Tag.OPT3.ordinal()) {
      throw new InvalidInputException("selfplay labels the rows with the reference policy the"
          + " online prompt names; icrl.eval.online.prompt is " + online.prompt()
          + ", which names none (use opt0..opt3)");
    }
    this.settings = settings;
    this.eval = eval;
    this.model = model;
    this.tasks = tasks;
    this.registry = registry;
    this.gammas = List.copyOf(gammas);
  }

  /** The task id of sequence {@code index}. */
  String taskId(int index) {
    return tasks.family() + ":states=" + tasks.states() + ",actions=" + tasks.actions() + ",seed="
        + taskSeed(index) + (tasks.params().isBlank() ? "" : "," + tasks.params().trim());
  }

  long taskSeed(int index) {
    return tasks.seedStart()
        + Seeds.rng(settings.seed(), "selfplay-task", index).nextLong(tasks.seedCount());
  }

  /** Plays sequence {@code index}. */
  SequenceColumns play(int index) {
    long root = settings.seed();
    String id = taskId(index);
    Task task = registry.make(id);
    TabularMdp mdp = task.mdp().orElseThrow(() -> new InvalidInputException("task " + id
        + " has no tabular model, so its rows cannot be labelled"));
    ModeSettings online = eval.modeSettings().get(Mode.ONLINE);
    Tag prompt = online.prompt();
    int[] label = ReferencePolicies.solve(mdp, gammas).policy(prompt.ordinal());
    DiscreteEnv env = task.newEnv();
    TaskInfo info = new TaskInfo(id, env.observationCount(), env.actionCount(),
        env.maxEpisodeSteps());
    AgentRun run = new AgentRun(info, Mode.ONLINE, Integer.MAX_VALUE,
        Seeds.rng(root, "selfplay-agent", index), prompt, online.tag(),
        RewardShaping.forTask(eval.rewardShaping(), id));
    int rows = settings.steps();
    SequenceColumns out = new SequenceColumns(rows);
    EvalAgent agent = new InContextAgent(model.open(), eval.temperatures(),
        eval.contextPolicies());
    try {
      agent.begin(run);
      int s = env.reset(Seeds.derive(root, "selfplay-env", index));
      int row = 0;
      int episode = 0;
      int t = 0;
      while (row < rows) {
        int a = agent.act(s);
        int next = env.step(a);
        double r = env.reward();
        boolean terminated = env.terminated();
        boolean truncated = env.truncated();
        out.state[row] = s;
        out.action[row] = a;
        out.label[row] = label[s];
        out.prompt[row] = prompt.code();
        out.tag[row] = online.tag().code();
        out.reward[row] = (float) r;
        out.episode[row] = episode;
        out.episodeStep[row] = t;
        row++;
        t++;
        agent.observe(r, next, terminated, truncated);
        if (terminated || truncated) {
          if (row < rows) {
            out.state[row] = next;
            out.action[row] = -1;
            out.label[row] = -1;
            out.prompt[row] = Tag.UNK.code();
            out.tag[row] = Tag.UNK.code();
            out.terminated[row] = terminated;
            out.truncated[row] = truncated;
            out.episode[row] = episode;
            out.episodeStep[row] = t;
            row++;
          }
          episode++;
          t = 0;
          s = env.reset();
        } else {
          s = next;
        }
      }
    } finally {
      agent.end();
    }
    int episodes = rows == 0 ? 0 : out.episode[rows - 1] + 1;
    return out.withInfo(new SequenceInfo(index, id, taskSeed(index), mdp.states(), mdp.actions(),
        rows, episodes, SelfPlayJob.BEHAVIOR, false, 0, online.tag() == Tag.UNK));
  }
}
