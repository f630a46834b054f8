package io.icrl.learner.bench;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.icrl.core.Seeds;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.data.InMemoryWindowSource;
import io.icrl.learner.data.SyntheticRollouts;
import io.icrl.learner.infer.IncrementalPolicy;
import io.icrl.learner.infer.InferSettings;
import io.icrl.learner.model.Devices;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.model.StepEncoding;
import io.icrl.learner.model.SymbolPermutation;
import io.icrl.synth.format.StepWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Inference throughput at each configured context length C: the context is filled step by step
 * to C - n, then n more cached steps are timed (steps/s with the KV cache at ~C), and a few
 * full-context recomputations are timed for comparison.
 */
public final class InferBench {
  private InferBench() {}

  /** Numbers for one context length. */
  public record Row(int context, double cachedStepsPerSecond, double recomputeStepsPerSecond,
      double speedup) {}

  public record Result(String device, int threads, int layers, int dModel, long parameters,
      List<Row> rows, double peakMiB) {}

  public static Result run(LearnerSettings s) {
    BenchSettings b = s.bench();
    Devices.configureThreads(b.threads());
    Device device = Devices.choose(s.device());
    DataType compute = Devices.computeType(s.precision(), device);
    int maxContext = b.inferContexts().stream().mapToInt(Integer::intValue).max().orElse(1024);
    int states = Math.min(16, s.model().stateVocab());
    int actions = Math.min(4, s.model().actionVocab());
    InMemoryWindowSource data = SyntheticRollouts.generate(new SyntheticRollouts.Spec(1,
        maxContext, states, actions, 24, s.seed()));
    StepWindow w = new StepWindow(maxContext);
    data.read(0, 0, maxContext, w);
    List<Row> rows = new ArrayList<>();
    try (LearnerModel model = LearnerModel.create(s.model(), s.seed(), device, compute)) {
      for (int context : b.inferContexts()) {
        try (IncrementalPolicy p = new IncrementalPolicy(model, new InferSettings(context, 0.75))) {
          p.reset(SymbolPermutation.random(w.states, w.actions, s.model().stateVocab(),
              s.model().actionVocab(), Seeds.rng(s.seed(), "bench-permutation", context)));
          int timed = Math.min(b.inferSteps(), context / 2);
          for (int i = 0; i < context - timed; i++) {
            feed(p, w, i);
          }
          long t0 = System.nanoTime();
          for (int i = context - timed; i < context; i++) {
            feed(p, w, i);
          }
          double cached = timed / ((System.nanoTime() - t0) / 1e9);
          p.recomputeLast(); // warm
          int reps = 3;
          long t1 = System.nanoTime();
          for (int r = 0; r < reps; r++) {
            p.recomputeLast();
          }
          double full = reps / ((System.nanoTime() - t1) / 1e9);
          rows.add(new Row(context, cached, full, cached / full));
        }
      }
      return new Result(device.toString(), b.threads(), s.model().layers(), s.model().dModel(),
          model.parameterCount(), rows, PeakMemory.residentMiB());
    }
  }

  /** Feeds row i of {@code w} as the evaluator would. */
  static void feed(IncrementalPolicy p, StepWindow w, int i) {
    if (i == 0) {
      p.step(w.state[0], w.prompt[0], -1, 0f, -1, StepEncoding.FLAG_CONTEXT_START);
    } else if (w.isBoundary(i - 1)) {
      p.step(w.state[i], w.prompt[i], -1, 0f, -1, w.terminated[i - 1]
          ? StepEncoding.FLAG_AFTER_TERMINATED : StepEncoding.FLAG_AFTER_TRUNCATED);
    } else {
      p.step(w.state[i], w.prompt[i], w.action[i - 1], w.reward[i - 1], w.tag[i - 1],
          StepEncoding.FLAG_CONTINUE);
    }
  }
}
