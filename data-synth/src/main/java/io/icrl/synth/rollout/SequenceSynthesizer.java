package io.icrl.synth.rollout;

import io.icrl.core.Seeds;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.behavior.ReferencePolicies;
import io.icrl.synth.behavior.SequenceBehaviors;
import io.icrl.synth.format.Tag;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.env.TabularEnv;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Generates sequence i of a dataset: (settings, i) -> {@link SequenceColumns}, a pure function
 * (bit-identical on every machine and thread).
 *
 * <p>The loop, per row: the current behavior acts in the current state; the row records the state,
 * the behavior action, the label (the action of the reference policy named by the current prompt;
 * under a learner prompt exp1 / exp2, the behavior's own action if that learner chose it, else
 * none: Algorithm Distillation's label),
 * the prompt, the tag (masked to unk for the whole sequence or the episode), and the transition's
 * reward; every behavior of the sequence then observes the transition and the prompt may be
 * redrawn (per-step probability {@code switch-probability}). When the episode ends (terminated or truncated), one boundary row follows with the final
 * observation, action = label = -1, prompt = tag = unk, reward 0 and the end flags; the environment
 * resets, the behavior may switch and the episode mask is redrawn. The sequence stops after exactly
 * {@code steps} rows (its last episode is usually cut).
 *
 * <p>Streams of (root seed, i): {@code task}, {@code env}, {@code prompt}, {@code tags}, plus those
 * of {@link SequenceBehaviors}.
 */
public final class SequenceSynthesizer {
  private static final byte UNK = Tag.UNK.code();
  private static final int PROGRESS_EVERY = 1 << 16;

  private final SynthSettings settings;
  private final TaskSource tasks;

  public SequenceSynthesizer(SynthSettings settings, TaskRegistry registry) {
    this.settings = settings;
    this.tasks = new TaskSource(settings.task(), registry);
  }

  /** The task source (task seed and MDP of each sequence). */
  public TaskSource tasks() {
    return tasks;
  }

  /** Generates sequence {@code index}. */
  public SequenceColumns synthesize(int index) {
    return synthesize(index, n -> {});
  }

  /** Generates sequence {@code index}, reporting rows done to {@code progress} now and then. */
  public SequenceColumns synthesize(int index, LongConsumer progress) {
    long root = settings.seed();
    long taskSeed = tasks.taskSeed(root, index);
    TabularMdp mdp = tasks.mdp(tasks.taskId(root, index));
    return rollout(settings, mdp, taskSeed, index, progress);
  }

  /** Rolls sequence {@code index} out on a given MDP (the task of that sequence). */
  public static SequenceColumns rollout(SynthSettings settings, TabularMdp mdp, long taskSeed,
      int index, LongConsumer progress) {
    long root = settings.seed();
    int rows = settings.steps();
    int nS = mdp.states();
    int nA = mdp.actions();
    ReferencePolicies refs = ReferencePolicies.solve(mdp, settings.reference().gammas());
    int[][] labels = {refs.policy(0), refs.policy(1), refs.policy(2), refs.policy(3)};
    SequenceBehaviors behaviors = new SequenceBehaviors(settings, nS, nA, refs, root, index, rows);

    SynthSettings.ReferenceSettings ref = settings.reference();
    double[] promptWeights = new double[SynthSettings.ReferenceSettings.PROMPTS];
    for (int p = 0; p < promptWeights.length; p++) {
      promptWeights[p] = ref.weight(p);
    }
    SplittableRandom promptRng = Seeds.rng(root, "prompt", index);
    int prompt = draw(promptRng, promptWeights);
    boolean promptSwitching = promptRng.nextDouble() < ref.switchSequenceProbability();
    double promptSwitch = promptSwitching ? ref.switchProbability() : 0.0;
    long promptThreshold = threshold(promptSwitch);
    SplittableRandom tagRng = Seeds.rng(root, "tags", index);
    boolean maskSequence = tagRng.nextDouble() < settings.tags().maskSequenceProbability();
    double maskEpisodeP = settings.tags().maskEpisodeProbability();
    boolean masked = maskSequence || tagRng.nextDouble() < maskEpisodeP;

    TabularEnv env = new TabularEnv(mdp);
    SequenceColumns out = new SequenceColumns(rows);
    int[] stateCol = out.state;
    int[] actionCol = out.action;
    int[] labelCol = out.label;
    byte[] promptCol = out.prompt;
    byte[] tagCol = out.tag;
    float[] rewardCol = out.reward;
    int[] episodeCol = out.episode;
    int[] stepCol = out.episodeStep;

    int s = env.reset(Seeds.derive(root, "env", index));
    behaviors.episodeStart(0, 0);
    int row = 0;
    int episode = 0;
    int t = 0;
    int reported = 0;
    while (row < rows) {
      int a = behaviors.act(s);
      byte actor = behaviors.tag();
      byte tag = masked ? UNK : actor;
      int next = env.step(a);
      double r = env.reward();
      boolean terminated = env.terminated();
      boolean truncated = env.truncated();
      stateCol[row] = s;
      actionCol[row] = a;
      labelCol[row] = prompt < labels.length ? labels[prompt][s] : actor == prompt ? a : -1;
      promptCol[row] = (byte) prompt;
      tagCol[row] = tag;
      rewardCol[row] = (float) r;
      episodeCol[row] = episode;
      stepCol[row] = t;
      row++;
      behaviors.observe(s, a, r, next, terminated, truncated);
      if (promptThreshold != 0 && (promptRng.nextLong() >>> 11) < promptThreshold) {
        prompt = draw(promptRng, promptWeights);
      }
      t++;
      if (terminated || truncated) {
        if (row < rows) {
          stateCol[row] = next;
          actionCol[row] = -1;
          labelCol[row] = -1;
          promptCol[row] = UNK;
          tagCol[row] = UNK;
          out.terminated[row] = terminated;
          out.truncated[row] = truncated;
          episodeCol[row] = episode;
          stepCol[row] = t;
          row++;
        }
        episode++;
        t = 0;
        s = env.reset();
        if (row < rows) {
          behaviors.episodeStart(episode, row);
          masked = maskSequence || tagRng.nextDouble() < maskEpisodeP;
        }
        if (row - reported >= PROGRESS_EVERY) {
          progress.accept(row - reported);
          reported = row;
        }
      } else {
        s = next;
      }
    }
    progress.accept(row - reported);
    int episodes = rows == 0 ? 0 : out.episode[rows - 1] + 1;
    out.setInfo(new SequenceInfo(index, mdp.name(), taskSeed, nS, nA, rows, episodes,
        behaviors.initialKind().key(), behaviors.switching(), behaviors.switches(), maskSequence));
    return out;
  }

  /**
   * The integer threshold t such that a uniform 53-bit draw {@code (nextLong() >>> 11) < t} has
   * probability {@code p} (exactly as {@code nextDouble() < p}, without the conversion).
   */
  static long threshold(double p) {
    return (long) StrictMath.ceil(p * 0x1p53);
  }

  private static int draw(SplittableRandom rng, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    int last = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        last = i;
        if (u < weights[i]) {
          return i;
        }
        u -= weights[i];
      }
    }
    return last;
  }
}
