package io.icrl.tasks.mdp;

/** Test fixture: a corridor 0..n-1; action 0 moves left, 1 moves right (slipping back with prob p). */
public final class ChainMdp {
  private ChainMdp() {}

  /** Reaching state n-1 pays 1 and terminates; episodes start at 0. */
  public static TabularMdp of(int n, double slip, int stepLimit) {
    TabularMdpBuilder b = TabularMdp.builder(n, 2).name("chain" + n).maxEpisodeSteps(stepLimit)
        .start(0, 1.0).kind(n - 1, StateKind.GOAL);
    for (int s = 0; s < n; s++) {
      if (s == n - 1) {
        b.outcome(s, 0, s, 1.0, 0.0, true).outcome(s, 1, s, 1.0, 0.0, true);
        continue;
      }
      int left = Math.max(0, s - 1);
      b.outcome(s, 0, left, 1.0, 0.0, false);
      int right = s + 1;
      boolean goal = right == n - 1;
      if (slip > 0) {
        b.outcome(s, 1, right, 1 - slip, goal ? 1.0 : 0.0, goal);
        b.outcome(s, 1, left, slip, 0.0, false);
      } else {
        b.outcome(s, 1, right, 1.0, goal ? 1.0 : 0.0, goal);
      }
    }
    return b.build();
  }
}
