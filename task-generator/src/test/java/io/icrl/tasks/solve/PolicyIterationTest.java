package io.icrl.tasks.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.generate.Generators;
import io.icrl.tasks.mdp.TabularMdp;
import org.junit.jupiter.api.Test;

class PolicyIterationTest {
  private static final String[] IDS = {"anymdp:states=16,seed=1", "anymdp:states=32,actions=3,seed=2",
      "garnet:states=40,actions=4,branching=3,seed=3", "darkroom:seed=4",
      "anymdp-v1:states=20,seed=5"};

  @Test
  void agreesWithValueIteration() {
    for (String id : IDS) {
      TabularMdp mdp = Generators.generate(id);
      for (double gamma : new double[] {0.0, 0.5, 0.93, 0.99}) {
        QTable exact = PolicyIteration.solve(mdp, gamma);
        QTable vi = ValueIteration.solve(mdp, gamma, 1e-12, 1_000_000);
        double scale = 1 + maxAbs(vi.q());
        for (int i = 0; i < vi.q().length; i++) {
          assertEquals(vi.q()[i], exact.q()[i], 1e-7 * scale, id + " gamma " + gamma + " q[" + i
              + "]");
        }
        for (int s = 0; s < mdp.states(); s++) {
          assertEquals(vi.value(s), exact.value(s), 1e-7 * scale, id + " v[" + s + "]");
        }
      }
    }
  }

  @Test
  void policyEvaluationSolvesTheBellmanEquation() {
    TabularMdp mdp = Generators.generate("anymdp:states=24,actions=4,seed=9");
    SparseModel m = SparseModel.of(mdp);
    int[] policy = new int[mdp.states()];
    for (int s = 0; s < policy.length; s++) {
      policy[s] = s % mdp.actions();
    }
    double gamma = 0.97;
    double[] v = PolicyIteration.evaluate(m, gamma, policy);
    double[] q = new double[mdp.states() * mdp.actions()];
    PolicyIteration.backup(m, gamma, v, q);
    for (int s = 0; s < policy.length; s++) {
      assertEquals(v[s], q[s * mdp.actions() + policy[s]], 1e-9 * (1 + Math.abs(v[s])));
    }
    double[] vr = PolicyIteration.evaluateUniform(m, gamma);
    PolicyIteration.backup(m, gamma, vr, q);
    for (int s = 0; s < policy.length; s++) {
      double mean = 0;
      for (int a = 0; a < mdp.actions(); a++) {
        mean += q[s * mdp.actions() + a] / mdp.actions();
      }
      assertEquals(vr[s], mean, 1e-9 * (1 + Math.abs(mean)));
    }
  }

  @Test
  void emptyRowsActAsTerminalStates() {
    // State 1 has no outcomes: its value is its (zero) reward; state 0 loops with reward 1 or
    // moves to state 1 with reward 5.
    int[] rowStart = {0, 1, 2, 2, 2};
    int[] next = {0, 1};
    double[] prob = {1, 1};
    boolean[] term = {false, false};
    double[] reward = {1, 5, 0, 0};
    SparseModel m = new SparseModel(2, 2, rowStart, next, prob, term, reward);
    QTable q = PolicyIteration.solve(m, 0.9);
    assertEquals(10.0, q.q(0, 0), 1e-12);
    assertEquals(5.0, q.q(0, 1), 1e-12);
    assertEquals(0.0, q.value(1), 0.0);
    assertArrayEquals(new int[] {0, 0}, q.greedyPolicy());
  }

  @Test
  void rejectsBadDiscounts() {
    TabularMdp mdp = Generators.generate("darkroom:size=3");
    assertThrows(InvalidInputException.class, () -> PolicyIteration.solve(mdp, 1.0));
    assertThrows(InvalidInputException.class, () -> PolicyIteration.solve(mdp, -0.1));
  }

  @Test
  void isDeterministic() {
    TabularMdp mdp = Generators.generate("anymdp:states=64,seed=3");
    assertArrayEquals(PolicyIteration.solve(mdp, 0.994).q(), PolicyIteration.solve(mdp, 0.994).q());
  }

  static double maxAbs(double[] x) {
    double m = 0;
    for (double v : x) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
