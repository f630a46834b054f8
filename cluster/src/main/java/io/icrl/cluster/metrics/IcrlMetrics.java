package io.icrl.cluster.metrics;

import io.icrl.learner.train.StepMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The metric families of an icrl node, registered in one {@link PrometheusRegistry}. Names start
 * with {@code icrl_}, carry their base unit ({@code _seconds}, {@code _bytes}) and counters end in
 * {@code _total}; labels take values from small fixed sets only (see docs/metrics.md). Every
 * component of a node updates the same instance.
 */
public final class IcrlMetrics {
  /** Values of the {@code state} label of {@link #workUnits()}. */
  public static final java.util.List<String> UNIT_STATES =
      java.util.List.of("pending", "running", "done", "failed");

  private final PrometheusRegistry registry;
  private boolean jvmRegistered;

  private final Counter stepsSynthesized;
  private final Counter bytesStreamed;
  private final Gauge workUnits;
  private final Counter workUnitsReissued;
  private final Histogram workUnitDuration;
  private final Gauge bufferDepth;
  private final Counter backpressureSeconds;
  private final Gauge learnerLoss;
  private final Counter learnerTokens;
  private final Counter learnerBadGradients;
  private final Gauge learnerTokensPerSecond;
  private final Gauge learnerStep;
  private final Gauge learnerPoolShards;
  private final Counter learnerPoolRefreshes;
  private final Gauge evalScore;
  private final Gauge evalCheckpointStep;
  private final Gauge clusterMembers;
  private final Gauge clusterUnreachable;

  private IcrlMetrics(PrometheusRegistry registry) {
    this.registry = registry;
    stepsSynthesized = Counter.builder().name("icrl_synth_steps_total")
        .help("Environment steps synthesized by behaviour policies on this node.")
        .register(registry);
    bytesStreamed = Counter.builder().name("icrl_stream_bytes_total").unit(Unit.BYTES)
        .help("Trajectory bytes streamed between nodes, by direction (sent, received).")
        .labelNames("direction").register(registry);
    workUnits = Gauge.builder().name("icrl_work_units")
        .help("Work units of active jobs known to the coordinator, by state (pending, running,"
            + " done, failed).")
        .labelNames("state").register(registry);
    workUnitsReissued = Counter.builder().name("icrl_work_units_reissued_total")
        .help("Work units handed out again after their worker left, became unreachable, failed"
            + " or declined them.")
        .register(registry);
    workUnitDuration = Histogram.builder().name("icrl_work_unit_duration_seconds")
        .unit(Unit.SECONDS)
        .help("Time from handing a work unit to a worker until its completion, by job kind.")
        .classicUpperBounds(0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600)
        .labelNames("kind").register(registry);
    bufferDepth = Gauge.builder().name("icrl_buffer_depth")
        .help("Items waiting in a bounded buffer, by buffer name.")
        .labelNames("buffer").register(registry);
    backpressureSeconds = Counter.builder().name("icrl_backpressure_seconds_total")
        .unit(Unit.SECONDS)
        .help("Time a producer spent blocked by backpressure, by stage.")
        .labelNames("stage").register(registry);
    learnerLoss = Gauge.builder().name("icrl_learner_loss")
        .help("Latest learner loss, by split (train, validation).")
        .labelNames("split").register(registry);
    learnerTokens = Counter.builder().name("icrl_learner_tokens_total")
        .help("Tokens (steps) consumed by the learner.")
        .register(registry);
    learnerTokensPerSecond = Gauge.builder().name("icrl_learner_tokens_per_second")
        .help("Learner throughput over the last logging interval, tokens per second.")
        .register(registry);
    learnerStep = Gauge.builder().name("icrl_learner_step")
        .help("Current optimizer step of the learner.")
        .register(registry);
    learnerBadGradients = Counter.builder().name("icrl_learner_bad_gradients_total")
        .help("Steps whose gradient was non-finite or above train.suspect-grad-norm, by outcome:"
            + " recomputed (computed again on the same batch, sound, step taken) or skipped.")
        .labelNames("outcome").register(registry);
    learnerPoolShards = Gauge.builder().name("icrl_learner_pool_shards")
        .help("Shards in the learner's refreshing training pool (overlapped training).")
        .register(registry);
    learnerPoolRefreshes = Counter.builder().name("icrl_learner_pool_refreshes_total")
        .help("Times newly arrived shards joined the learner's training pool.")
        .register(registry);
    evalScore = Gauge.builder().name("icrl_eval_score")
        .help("Latest evaluation score (normalized return), by task family and mode.")
        .labelNames("task", "mode").register(registry);
    evalCheckpointStep = Gauge.builder().name("icrl_eval_checkpoint_step")
        .help("Training step of the checkpoint whose evaluation set icrl_eval_score last.")
        .register(registry);
    clusterMembers = Gauge.builder().name("icrl_cluster_members")
        .help("Cluster members seen by this node, by icrl role and member status.")
        .labelNames("role", "status").register(registry);
    clusterUnreachable = Gauge.builder().name("icrl_cluster_unreachable_members")
        .help("Cluster members this node's failure detector considers unreachable, by role.")
        .labelNames("role").register(registry);
  }

  /** Metrics in a fresh registry of their own. */
  public static IcrlMetrics create() {
    return new IcrlMetrics(new PrometheusRegistry());
  }

  /** Metrics registered in {@code registry} (e.g. {@link PrometheusRegistry#defaultRegistry}). */
  public static IcrlMetrics create(PrometheusRegistry registry) {
    return new IcrlMetrics(registry);
  }

  /** The registry holding these metrics. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /** Adds the JVM's memory, GC, thread and class-loading metrics to the registry (once). */
  public synchronized IcrlMetrics withJvmMetrics() {
    if (!jvmRegistered) {
      JvmMetrics.builder().register(registry);
      jvmRegistered = true;
    }
    return this;
  }

  /** {@code icrl_synth_steps_total}. */
  public Counter stepsSynthesized() {
    return stepsSynthesized;
  }

  /** {@code icrl_stream_bytes_total{direction}}. */
  public Counter bytesStreamed() {
    return bytesStreamed;
  }

  /** {@code icrl_work_units{state}}, state one of {@link #UNIT_STATES}. */
  public Gauge workUnits() {
    return workUnits;
  }

  /** {@code icrl_work_units_reissued_total}. */
  public Counter workUnitsReissued() {
    return workUnitsReissued;
  }

  /** {@code icrl_work_unit_duration_seconds{kind}}. */
  public Histogram workUnitDuration() {
    return workUnitDuration;
  }

  /** {@code icrl_buffer_depth{buffer}}. */
  public Gauge bufferDepth() {
    return bufferDepth;
  }

  /** {@code icrl_backpressure_seconds_total{stage}}. */
  public Counter backpressureSeconds() {
    return backpressureSeconds;
  }

  /** {@code icrl_learner_loss{split}}. */
  public Gauge learnerLoss() {
    return learnerLoss;
  }

  /** {@code icrl_learner_tokens_total}. */
  public Counter learnerTokens() {
    return learnerTokens;
  }

  /** {@code icrl_learner_tokens_per_second}. */
  public Gauge learnerTokensPerSecond() {
    return learnerTokensPerSecond;
  }

  /** {@code icrl_learner_step}. */
  public Gauge learnerStep() {
    return learnerStep;
  }

  /** {@code icrl_eval_score{task,mode}}: task is a family name, never a per-seed id. */
  public Gauge evalScore() {
    return evalScore;
  }

  /** {@code icrl_learner_bad_gradients_total{outcome}}. */
  public Counter learnerBadGradients() {
    return learnerBadGradients;
  }

  /**
   * Records one training step: {@code icrl_learner_step}, the train loss, tokens, throughput, and a
   * bad gradient's outcome (a loss that was not finite counts as skipped).
   */
  public void onTrainStep(StepMetrics m) {
    learnerStep.set(m.step());
    learnerLoss.labelValues("train").set(m.loss());
    learnerTokens.inc(m.tokens());
    learnerTokensPerSecond.set(m.tokensPerSecond());
    if (m.skipped()) {
      learnerBadGradients.labelValues("skipped").inc();
    } else if (m.recomputed()) {
      learnerBadGradients.labelValues("recomputed").inc();
    }
  }

  /** {@code icrl_learner_pool_shards}. */
  public Gauge learnerPoolShards() {
    return learnerPoolShards;
  }

  /** {@code icrl_learner_pool_refreshes_total}. */
  public Counter learnerPoolRefreshes() {
    return learnerPoolRefreshes;
  }

  /** {@code icrl_eval_checkpoint_step}. */
  public Gauge evalCheckpointStep() {
    return evalCheckpointStep;
  }

  /** {@code icrl_cluster_members{role,status}}. */
  public Gauge clusterMembers() {
    return clusterMembers;
  }

  /** {@code icrl_cluster_unreachable_members{role}}. */
  public Gauge clusterUnreachable() {
    return clusterUnreachable;
  }
}
