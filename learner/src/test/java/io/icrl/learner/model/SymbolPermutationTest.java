package io.icrl.learner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.learner.TestModels;
import io.icrl.learner.data.InMemoryWindowSource;
import io.icrl.learner.train.Batch;
import io.icrl.learner.train.BatchSampler;
import io.icrl.synth.format.Tag;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymbolPermutationTest {
  @Test
  void randomPermutationsAreInjectionsWithInverses() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int k = 0; k < 50; k++) {
      SymbolPermutation p = SymbolPermutation.random(10, 4, 128, 16, rng);
      Set<Integer> states = new HashSet<>();
      for (int s = 0; s < 10; s++) {
        assertTrue(states.add(p.state(s)));
        assertTrue(p.state(s) >= 0 && p.state(s) < 128);
      }
      int used = 0;
      for (int sym = 0; sym < 16; sym++) {
        if (p.actionUsed(sym)) {
          used++;
          assertEquals(sym, p.action(p.actionOfSymbol(sym)));
        }
      }
      assertEquals(4, used);
    }
    assertThrows(InvalidInputException.class,
        () -> SymbolPermutation.random(200, 4, 128, 16, rng));
  }

  /**
   * In every permuted window, one map is applied to labels, taken actions, previous actions and
   * states alike: a greedy step's label is the action taken, the action taken at t is the previous
   * action of t+1, the next-state target at t is the state of t+1, and labels are never masked.
   */
  @Test
  void augmentationKeepsLabelsConsistent() {
    ModelConfig cfg = TestModels.tinyConfig();
    InMemoryWindowSource data = TestModels.data(6, 300, 12);
    BatchSampler sampler = new BatchSampler(data, cfg, TestModels.tiny().loss(), 4, 64, 3, true);
    Batch b = sampler.newBatch();
    Set<Integer> symbolsOfFirstRows = new HashSet<>();
    int checkedGreedy = 0;
    for (int k = 0; k < 10; k++) {
      sampler.fill(k, b);
      StepTokens t = b.tokens;
      for (int r = 0; r < b.rows(); r++) {
        Set<Integer> rowStates = new HashSet<>();
        for (int i = 0; i < b.steps(); i++) {
          int x = r * b.steps() + i;
          rowStates.add(t.state[x]);
          if (b.policyWeight[x] > 0) {
            assertEquals(0f, b.actionMask[r * cfg.actionVocab() + b.label[x]], "label masked");
          }
          if (i + 1 < b.steps() && b.worldWeight[x] > 0) {
            assertEquals(t.state[x + 1], b.nextState[x]);
            assertEquals(t.prevAction[x + 1], b.taken[x]);
            if (t.prevTag[x + 1] == Tag.OPT0.code()) {
              assertEquals(b.label[x], b.taken[x]);
              checkedGreedy++;
            }
          }
        }
        assertTrue(rowStates.size() <= 6, "a window uses at most the task's 6 states");
        symbolsOfFirstRows.add(t.state[r * b.steps()]);
      }
    }
    assertTrue(checkedGreedy > 100);
    assertTrue(symbolsOfFirstRows.size() > 10, "permutations differ between windows");
  }
}
