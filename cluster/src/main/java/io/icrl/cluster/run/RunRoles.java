package io.icrl.cluster.run;

import com.typesafe.config.Config;
import io.icrl.cluster.job.Worker;
import io.icrl.cluster.job.WorkerSettings;
import io.icrl.cluster.node.IcrlNode;
import io.icrl.cluster.node.NodeRole;
import io.icrl.cluster.node.NodeSettings;
import io.icrl.cluster.stream.ShardIngest;
import io.icrl.cluster.stream.ShardSender;
import io.icrl.cluster.stream.StreamSettings;
import io.icrl.core.Settings;
import java.util.Map;

/**
 * Installs the run pipeline's actors on a started node according to its roles: on {@code synth}
 * nodes, {@code icrl.cluster.run.synth-workers} workers for synthesis units (0 = one per declared
 * cpu); on {@code learner} nodes, the {@link ShardIngest} and one worker for the training unit
 * (which submits the evaluation jobs of its checkpoint snapshots to the coordinator); on
 * {@code evaluator} nodes, one worker for the evaluation unit (the sweep is multi-threaded itself).
 */
public final class RunRoles {
  private RunRoles() {}

  /** Spawns the actors for {@code node}'s roles; returns how many workers were started. */
  public static int install(IcrlNode node, Config c) {
    NodeSettings ns = node.settings();
    WorkerSettings workers = WorkerSettings.from(c);
    StreamSettings stream = StreamSettings.from(c);
    int started = 0;
    if (ns.has(NodeRole.LEARNER)) {
      node.spawn(ShardIngest.create(stream, node.metrics()), "shard-ingest");
      node.spawn(Worker.create(node.coordinator(), Map.of(TrainUnitExecutor.KIND,
          new TrainUnitExecutor(node.metrics(), JobSubmitter.to(node.system(),
              node.coordinator()))), workers), "train-worker");
      started++;
    }
    if (ns.has(NodeRole.SYNTH)) {
      int n = Settings.nonNegativeInt(c, "icrl.cluster.run.synth-workers");
      if (n == 0) {
        n = ns.resources().cpus();
      }
      SynthUnitExecutor synth = new SynthUnitExecutor(new ShardSender(node.system(), stream,
          node.metrics()), stream, node.metrics());
      for (int i = 0; i < n; i++) {
        node.spawn(Worker.create(node.coordinator(), Map.of(SynthUnitExecutor.KIND, synth),
            workers), "synth-worker-" + i);
      }
      started += n;
    }
    if (ns.has(NodeRole.EVALUATOR)) {
      node.spawn(Worker.create(node.coordinator(), Map.of(EvalUnitExecutor.KIND,
          new EvalUnitExecutor(node.metrics())), workers), "eval-worker");
      started++;
    }
    return started;
  }
}
