package io.icrl.tasks.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.env.TabularEnv;
import io.icrl.tasks.mdp.ChainMdp;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SolversTest {
  @Test
  void valueIterationMatchesClosedFormOnADeterministicChain() {
    TabularMdp m = ChainMdp.of(4, 0, 100);
    double g = 0.9;
    QTable q = ValueIteration.solve(m, g);
    assertEquals(g * g, q.value(0), 1e-9);
    assertEquals(g, q.value(1), 1e-9);
    assertEquals(1.0, q.value(2), 1e-9);
    assertEquals(g * g * g, q.q(0, 0), 1e-9);
    assertArrayEquals(new int[] {1, 1, 1, 0}, q.greedyPolicy());
  }

  @Test
  void gammaZeroIsTheGreedyOneStepPolicy() {
    QTable q = ValueIteration.solve(ChainMdp.of(4, 0, 100), 0.0);
    assertEquals(1.0, q.q(2, 1));
    assertEquals(0.0, q.q(1, 1));
    assertEquals(0, q.greedyAction(1)); // tie -> lowest index
  }

  @Test
  void badDiscountIsRejected() {
    assertThrows(InvalidInputException.class, () -> ValueIteration.solve(ChainMdp.of(3, 0, 5), 1.0));
  }

  @Test
  void finiteHorizonReturnsRespectTheStepLimit() {
    assertEquals(1.0, FiniteHorizon.optimalReturn(ChainMdp.of(4, 0, 3)), 1e-12);
    assertEquals(0.0, FiniteHorizon.optimalReturn(ChainMdp.of(4, 0, 2)), 1e-12);
    // With slip 0.5 and 3 steps, the goal needs three successful moves: 0.125.
    assertEquals(0.125, FiniteHorizon.optimalReturn(ChainMdp.of(4, 0.5, 3)), 1e-12);
  }

  @Test
  void exactReturnsAgreeWithMonteCarlo() {
    TabularMdp m = ChainMdp.of(5, 0.2, 12);
    double random = FiniteHorizon.randomReturn(m);
    int[] greedy = ValueIteration.solve(m, 0.99).greedyPolicy();
    double policy = FiniteHorizon.evaluate(m, greedy);
    TabularEnv env = new TabularEnv(m);
    SplittableRandom rng = new SplittableRandom(3);
    int n = 200_000;
    double sumRandom = 0;
    double sumPolicy = 0;
    env.reset(9);
    for (int i = 0; i < n; i++) {
      int s = env.reset();
      while (true) {
        s = env.step(rng.nextInt(2));
        sumRandom += env.reward();
        if (env.terminated() || env.truncated()) {
          break;
        }
      }
      s = env.reset();
      while (true) {
        s = env.step(greedy[s]);
        sumPolicy += env.reward();
        if (env.terminated() || env.truncated()) {
          break;
        }
      }
    }
    assertEquals(random, sumRandom / n, 0.005);
    assertEquals(policy, sumPolicy / n, 0.005);
    assertEquals(FiniteHorizon.optimalReturn(m), policy, 1e-9);
  }
}
