package io.icrl.synth.behavior;

import io.icrl.core.Seeds;
import io.icrl.synth.SynthSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The behaviors of one sequence and the switching between them (OmniRL's mixture).
 *
 * <p>The first behavior is drawn from the configured mix. A curriculum behavior keeps the whole
 * sequence; otherwise, with probability {@code switch-sequence-probability}, the sequence may
 * switch: at each episode start after the first, with probability {@code switch-probability}, a new
 * behavior is drawn from the non-curriculum part of the mix. Every behavior the sequence may use is
 * created up front and sees every transition (learners keep learning while another behavior acts,
 * and keep their progress across switches; the Q-learner and the model-based learner are each one
 * instance shared by the behaviors built on them).
 *
 * <p>All randomness derives from (root seed, sequence index): stream {@code "mix"} for choices and
 * {@code "behavior.<key>"} / {@code "learner.q"} / {@code "learner.model"} per component.
 */
public final class SequenceBehaviors implements TransitionObserver {
  private final SynthSettings settings;
  private final int states;
  private final int actions;
  private final ReferencePolicies refs;
  private final long root;
  private final int index;
  private final long rows;
  private final SplittableRandom mixRng;
  private final double[] switchWeights;
  private final boolean switching;
  private final Map<BehaviorKind, BehaviorPolicy> policies = new EnumMap<>(BehaviorKind.class);
  private final List<TransitionObserver> observers = new ArrayList<>();
  private final BehaviorKind initial;
  private TransitionObserver[] observerArray;
  private QLearner qLearner;
  private boolean qNoisy;
  private ModelLearner modelLearner;
  private boolean modelNoisy;
  private BehaviorKind currentKind;
  private BehaviorPolicy current;
  private int switches;

  /**
   * @param rows the sequence's length in rows (curricula schedule over it)
   */
  public SequenceBehaviors(SynthSettings settings, int states, int actions, ReferencePolicies refs,
      long root, int index, long rows) {
    this.settings = settings;
    this.states = states;
    this.actions = actions;
    this.refs = refs;
    this.root = root;
    this.index = index;
    this.rows = rows;
    this.mixRng = Seeds.rng(root, "mix", index);
    BehaviorKind[] kinds = BehaviorKind.values();
    double[] weights = new double[kinds.length];
    switchWeights = new double[kinds.length];
    for (BehaviorKind k : kinds) {
      weights[k.ordinal()] = settings.behavior().weight(k);
      switchWeights[k.ordinal()] = k.isCurriculum() ? 0 : weights[k.ordinal()];
    }
    initial = kinds[Draws.weighted(mixRng, weights)];
    boolean mayChange = mixRng.nextDouble() < settings.behavior().switchSequenceProbability();
    switching = mayChange && !initial.isCurriculum() && positive(switchWeights);
    if (switching) {
      for (BehaviorKind k : kinds) {
        if (switchWeights[k.ordinal()] > 0 || k == initial) {
          create(k);
        }
      }
    } else {
      create(initial);
    }
    observerArray = observers.toArray(new TransitionObserver[0]);
    currentKind = initial;
    current = policies.get(initial);
  }

  private static boolean positive(double[] w) {
    for (double x : w) {
      if (x > 0) {
        return true;
      }
    }
    return false;
  }

  /** The behavior the sequence started with. */
  public BehaviorKind initialKind() {
    return initial;
  }

  /** Whether this sequence may switch behaviors. */
  public boolean switching() {
    return switching;
  }

  /** Number of switches so far (a switch may redraw the same behavior; those do not count). */
  public int switches() {
    return switches;
  }

  public BehaviorKind currentKind() {
    return currentKind;
  }

  /** The policy instance of {@code kind}, if this sequence has one. */
  public BehaviorPolicy policy(BehaviorKind kind) {
    return policies.get(kind);
  }

  /** The current behavior's action in {@code state}. */
  public int act(int state) {
    return current.act(state);
  }

  /** The tag of the action last returned by {@link #act}. */
  public byte tag() {
    return current.tag();
  }

  @Override
  public void observe(int state, int action, double reward, int next, boolean terminated,
      boolean truncated) {
    for (TransitionObserver o : observerArray) {
      o.observe(state, action, reward, next, terminated, truncated);
    }
  }

  @Override
  public void episodeStart(int episode, long row) {
    if (episode > 0 && switching && mixRng.nextDouble() < settings.behavior().switchProbability()) {
      BehaviorKind next = BehaviorKind.values()[Draws.weighted(mixRng, switchWeights)];
      if (next != currentKind) {
        switches++;
        currentKind = next;
        current = policies.get(next);
      }
    }
    for (TransitionObserver o : observerArray) {
      o.episodeStart(episode, row);
    }
  }

  private SplittableRandom rng(BehaviorKind k) {
    return Seeds.rng(root, "behavior." + k.key(), index);
  }

  private double perStep(double scale) {
    return scale / ((double) states * actions);
  }

  private void create(BehaviorKind k) {
    SplittableRandom rng = rng(k);
    BehaviorPolicy p = switch (k) {
      case UNIFORM_RANDOM -> new UniformRandomPolicy(actions, rng);
      case RANDOM -> new DriftingSoftmaxPolicy(states, actions,
          Draws.exponential(rng, settings.randomPolicy().logitScaleMean()),
          Draws.exponential(rng, settings.randomPolicy().driftMean()), rng);
      case Q_LEARNING -> qPolicy(rng, false);
      case AD_Q_LEARNING -> qPolicy(rng, true);
      case MODEL_BASED -> modelPolicy(rng, false);
      case AD_MODEL_BASED -> modelPolicy(rng, true);
      case GUIDED_OPT0, GUIDED_OPT1, GUIDED_OPT2, GUIDED_OPT3 -> guidedPolicy(k.reference(), rng);
      case NOISY_OPT0, NOISY_OPT1, NOISY_OPT2, NOISY_OPT3 -> new NoisyOraclePolicy(refs,
          k.reference(), actions,
          Draws.uniform(rng, 0, perStep(settings.noisyOracle().decayScale())), rng);
      case OPT0, OPT1, OPT2, OPT3 -> new ReferencePolicy(refs, k.reference());
      case NOISE_DISTILLATION -> new NoiseDistillationPolicy(refs,
          settings.noiseDistillation().reference(), actions,
          Math.max(1.0, rows * Draws.uniform(rng, settings.noiseDistillation().fractionMin(),
              settings.noiseDistillation().fractionMax())), rng);
    };
    policies.put(k, p);
    observers.add(p);
  }

  private QLearner qLearner() {
    if (qLearner == null) {
      SynthSettings.QLearningSettings s = settings.qLearning();
      SplittableRandom rng = Seeds.rng(root, "learner.q", index);
      qNoisy = rng.nextDouble() >= s.plainProbability();
      double gamma = qNoisy ? s.gammaNoisy() : Draws.uniform(rng, s.gammaMin(), s.gammaMax());
      double alpha = qNoisy ? s.alphaBase() * Draws.exponential(rng, 1.0) : s.alphaBase();
      double c = qNoisy ? s.bonusBase() * Draws.exponential(rng, 1.0) : s.bonusBase();
      double horizon = qNoisy ? Draws.uniform(rng, s.horizonMin(), s.horizonMax()) : s.horizonMax();
      qLearner = new QLearner(states, actions, alpha, gamma, c, horizon, s.initialValue());
      observers.add(0, qLearner);
    }
    return qLearner;
  }

  private ModelLearner modelLearner() {
    if (modelLearner == null) {
      SynthSettings.ModelBasedSettings s = settings.modelBased();
      SplittableRandom rng = Seeds.rng(root, "learner.model", index);
      modelNoisy = rng.nextDouble() >= s.plainProbability();
      double gamma = modelNoisy ? s.gammaNoisy() : Draws.uniform(rng, s.gammaMin(), s.gammaMax());
      double c = modelNoisy ? s.bonusBase() * Draws.exponential(rng, 1.0) : s.bonusBase();
      modelLearner = new ModelLearner(states, actions, gamma, c, s.planSweeps(),
          s.replanInterval());
      observers.add(0, modelLearner);
    }
    return modelLearner;
  }

  private BehaviorPolicy qPolicy(SplittableRandom rng, boolean curriculum) {
    QLearner learner = qLearner();
    SynthSettings.QLearningSettings s = settings.qLearning();
    double noise = !curriculum && qNoisy ? Draws.uniform(rng, s.noiseMin(), s.noiseMax()) : 0.0;
    double decay = Draws.uniform(rng, 0, perStep(s.noiseDecayScale()));
    return new QLearningPolicy(learner, actions, noise, decay, rng);
  }

  private BehaviorPolicy modelPolicy(SplittableRandom rng, boolean curriculum) {
    ModelLearner learner = modelLearner();
    SynthSettings.ModelBasedSettings s = settings.modelBased();
    double noise = !curriculum && modelNoisy ? Draws.uniform(rng, s.noiseMin(), s.noiseMax()) : 0.0;
    double decay = Draws.uniform(rng, 0, perStep(s.noiseDecayScale()));
    return new ModelBasedPolicy(learner, actions, noise, decay, rng);
  }

  private BehaviorPolicy guidedPolicy(int k, SplittableRandom rng) {
    ModelLearner learner = modelLearner();
    SynthSettings.GuidedSettings g = settings.guided();
    double noise = rng.nextDouble();
    double noiseDecay = Draws.uniform(rng, 0, perStep(g.rateScale()));
    double noiseEnd = Draws.uniform(rng, g.noiseEndMin(), g.noiseEndMax());
    double share = Draws.uniform(rng, g.oracleStartMin(), g.oracleStartMax());
    double shareEnd = Draws.uniform(rng, 0, g.oracleEndMax());
    double shareRate = Draws.uniform(rng, 0, perStep(g.rateScale()));
    return new ModelBasedPolicy(learner, actions, noise, noiseDecay, noiseEnd, refs, k, share,
        shareRate, shareEnd, rng);
  }
}
