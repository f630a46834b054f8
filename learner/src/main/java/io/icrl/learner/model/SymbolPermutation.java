package io.icrl.learner.model;

import io.icrl.core.InvalidInputException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How one task's state and action IDs map to the model's symbols. IDs are symbols, not meanings:
 * every training window gets a fresh random injection of its {@code states} state IDs into {@code
 * [0, stateVocab)} and of its {@code actions} action IDs into {@code [0, actionVocab)}, and the
 * evaluator draws a fresh one per run. Action symbols outside the image are masked in the policy.
 */
public final class SymbolPermutation {
  private final int[] stateToSymbol;
  private final int[] actionToSymbol;
  private final int[] symbolToAction;

  private SymbolPermutation(int[] stateToSymbol, int[] actionToSymbol, int actionVocab) {
    this.stateToSymbol = stateToSymbol;
    this.actionToSymbol = actionToSymbol;
    this.symbolToAction = new int[actionVocab];
    Arrays.fill(symbolToAction, -1);
    for (int a = 0; a < actionToSymbol.length; a++) {
      symbolToAction[actionToSymbol[a]] = a;
    }
  }

  /** The identity map (state s -> symbol s, action a -> symbol a). */
  public static SymbolPermutation identity(int states, int actions, int stateVocab,
      int actionVocab) {
    check(states, actions, stateVocab, actionVocab);
    int[] s = new int[states];
    for (int i = 0; i < states; i++) {
      s[i] = i;
    }
    int[] a = new int[actions];
    for (int i = 0; i < actions; i++) {
      a[i] = i;
    }
    return new SymbolPermutation(s, a, actionVocab);
  }

  /** A uniformly random injection of the task's states and actions into the vocabularies. */
  public static SymbolPermutation random(int states, int actions, int stateVocab, int actionVocab,
      SplittableRandom rng) {
    check(states, actions, stateVocab, actionVocab);
    return new SymbolPermutation(injection(states, stateVocab, rng),
        injection(actions, actionVocab, rng), actionVocab);
  }

  /** Builds a permutation from explicit maps (each must be injective and inside its vocabulary). */
  public static SymbolPermutation of(int[] stateToSymbol, int[] actionToSymbol, int stateVocab,
      int actionVocab) {
    check(stateToSymbol.length, actionToSymbol.length, stateVocab, actionVocab);
    checkInjective(stateToSymbol, stateVocab, "state");
    checkInjective(actionToSymbol, actionVocab, "action");
    return new SymbolPermutation(stateToSymbol.clone(), actionToSymbol.clone(), actionVocab);
  }

  public int states() {
    return stateToSymbol.length;
  }

  public int actions() {
    return actionToSymbol.length;
  }

  public int actionVocab() {
    return symbolToAction.length;
  }

  /** The symbol of task state {@code s}. */
  public int state(int s) {
    if (s < 0 || s >= stateToSymbol.length) {
      throw new InvalidInputException("state " + s + " out of range [0, " + stateToSymbol.length
          + ")");
    }
    return stateToSymbol[s];
  }

  /** The symbol of task action {@code a}. */
  public int action(int a) {
    if (a < 0 || a >= actionToSymbol.length) {
      throw new InvalidInputException("action " + a + " out of range [0, " + actionToSymbol.length
          + ")");
    }
    return actionToSymbol[a];
  }

  /** The task action of symbol {@code sym}, or -1 when no task action maps there. */
  public int actionOfSymbol(int sym) {
    return symbolToAction[sym];
  }

  /** True when some task action maps to symbol {@code sym} (its logit is not masked). */
  public boolean actionUsed(int sym) {
    return symbolToAction[sym] >= 0;
  }

  /** A copy of the state -> symbol map. */
  public int[] stateMap() {
    return stateToSymbol.clone();
  }

  /** A copy of the action -> symbol map. */
  public int[] actionMap() {
    return actionToSymbol.clone();
  }

  /** First {@code k} entries of a random permutation of {@code [0, n)} (partial Fisher-Yates). */
  private static int[] injection(int k, int n, SplittableRandom rng) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return Arrays.copyOf(all, k);
  }

  private static void check(int states, int actions, int stateVocab, int actionVocab) {
    if (states <= 0 || states > stateVocab) {
      throw new InvalidInputException("task has " + states + " states but the model's state"
          + " vocabulary holds " + stateVocab);
    }
    if (actions <= 0 || actions > actionVocab) {
      throw new InvalidInputException("task has " + actions + " actions but the model's action"
          + " vocabulary holds " + actionVocab);
    }
  }

  private static void checkInjective(int[] map, int vocab, String what) {
    boolean[] seen = new boolean[vocab];
    for (int v : map) {
      if (v < 0 || v >= vocab || seen[v]) {
        throw new InvalidInputException(what + " map is not an injection into [0, " + vocab + "): "
            + Arrays.toString(map));
      }
      seen[v] = true;
    }
  }
}
