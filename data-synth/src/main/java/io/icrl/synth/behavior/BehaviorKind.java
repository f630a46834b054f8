package io.icrl.synth.behavior;

import io.icrl.core.InvalidInputException;

/**
 * The behaviors a sequence can be generated with; {@link #key()} is the name used in the config
 * ({@code icrl.synth.behavior.mix}) and in metadata.
 *
 * <p>Tags they produce (see {@link io.icrl.synth.format.Tag}): {@code rnd} for random actions (the
 * softmax policy, the uniform policy, and the epsilon-noise draws of every other behavior), {@code
 * exp1} for actions chosen by the model-based learner, {@code exp2} for actions chosen by the
 * Q-learner (the same assignment as OmniRL's generator), and {@code optK} for actions taken from
 * the reference policy opt_K.
 */
public enum BehaviorKind {
  /** Uniformly random actions (the benchmark's cheapest policy). */
  UNIFORM_RANDOM("uniform-random", -1, false),
  /** Softmax policy with random, slowly drifting logits. */
  RANDOM("random", -1, false),
  /** UCB Q-learning with decaying epsilon noise. */
  Q_LEARNING("q-learning", -1, false),
  /** Model-based learner (counts, estimated model, planning, optimistic sampling) with noise. */
  MODEL_BASED("model-based", -1, false),
  /** Model-based learner that increasingly follows opt_k (OmniRL's OTS + opt behaviors). */
  GUIDED_OPT0("guided-opt0", 0, false),
  GUIDED_OPT1("guided-opt1", 1, false),
  GUIDED_OPT2("guided-opt2", 2, false),
  GUIDED_OPT3("guided-opt3", 3, false),
  /** opt_k with epsilon noise starting at 1 and decaying by a random amount per step. */
  NOISY_OPT0("noisy-opt0", 0, false),
  NOISY_OPT1("noisy-opt1", 1, false),
  NOISY_OPT2("noisy-opt2", 2, false),
  NOISY_OPT3("noisy-opt3", 3, false),
  /** The reference policy opt_k itself. */
  OPT0("opt0", 0, false),
  OPT1("opt1", 1, false),
  OPT2("opt2", 2, false),
  OPT3("opt3", 3, false),
  /** Algorithm Distillation curriculum: a Q-learner from scratch for the whole sequence. */
  AD_Q_LEARNING("ad-q-learning", -1, true),
  /** Algorithm Distillation curriculum: a model-based learner from scratch for the whole sequence. */
  AD_MODEL_BASED("ad-model-based", -1, true),
  /** Vintix-style noise distillation: a demonstrator whose noise decays across episodes. */
  NOISE_DISTILLATION("noise-distillation", -1, true);

  private final String key;
  private final int reference;
  private final boolean curriculum;

  BehaviorKind(String key, int reference, boolean curriculum) {
    this.key = key;
    this.reference = reference;
    this.curriculum = curriculum;
  }

  /** The config / metadata name. */
  public String key() {
    return key;
  }

  /** The reference policy index k this behavior follows, or -1. */
  public int reference() {
    return reference;
  }

  /** True for learning-history curricula, which keep one behavior for the whole sequence. */
  public boolean isCurriculum() {
    return curriculum;
  }

  /** The kind named {@code key}. */
  public static BehaviorKind ofKey(String key) {
    for (BehaviorKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    throw new InvalidInputException("unknown behavior '" + key + "'");
  }
}
