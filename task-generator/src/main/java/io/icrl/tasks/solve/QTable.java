package io.icrl.tasks.solve;

/**
 * Action values {@code q[s * actions + a]} and state values {@code v[s]} of a tabular MDP under a
 * discount. Greedy ties break towards the lowest action index, so greedy policies are
 * deterministic.
 */
public record QTable(int states, int actions, double gamma, double[] q, double[] v, int iterations) {
  public double q(int s, int a) {
    return q[s * actions + a];
  }

  public double value(int s) {
    return v[s];
  }

  /** The greedy action in {@code s} (lowest index among ties within 1e-12). */
  public int greedyAction(int s) {
    int base = s * actions;
    int best = 0;
    double bestQ = q[base];
    for (int a = 1; a < actions; a++) {
      if (q[base + a] > bestQ + 1e-12) {
        bestQ = q[base + a];
        best = a;
      }
    }
    return best;
  }

  /** The greedy action of every state. */
  public int[] greedyPolicy() {
    int[] pi = new int[states];
    for (int s = 0; s < states; s++) {
      pi[s] = greedyAction(s);
    }
    return pi;
  }
}
