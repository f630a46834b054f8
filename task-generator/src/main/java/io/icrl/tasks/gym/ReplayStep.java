package io.icrl.tasks.gym;

/** One replayed step: the observation after the action, its reward and the episode flags. */
public record ReplayStep(double[] obs, double reward, boolean terminated, boolean truncated) {
  public ReplayStep {
    obs = obs.clone();
  }

  @Override
  public double[] obs() {
    return obs.clone();
  }
}
