package io.icrl.cluster.stream;

import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.synth.format.ShardEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.FileIO;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.util.ByteString;

/**
 * The worker side of shard streaming: finds a learner's {@link ShardIngest} through the
 * receptionist, offers a shard, streams the file in chunks of {@code chunk-bytes} into the sink it
 * gets back (at the pace the learner signals demand) and waits until the learner confirms the shard
 * is stored. Blocking; called from a worker's executor thread.
 *
 * <p>Metrics: {@code icrl_stream_bytes_total{direction="sent"}}, {@code
 * icrl_backpressure_seconds_total{stage="shard_stream"}} (time a ready chunk waited for demand).
 */
public final class ShardSender {
  /** Label of the backpressure counter. */
  public static final String STAGE = "shard_stream";
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<?> system;
  private final StreamSettings settings;
  private final IcrlMetrics metrics;
  private final Materializer materializer;

  public ShardSender(ActorSystem<?> system, StreamSettings settings, IcrlMetrics metrics) {
    this.system = system;
    this.settings = settings;
    this.metrics = metrics;
    this.materializer = Materializer.matFromSystem(system);
  }

  /**
   * What a send did.
   *
   * @param stored the learner's confirmation
   * @param bytes bytes streamed (0 for a duplicate, which is not streamed)
   * @param streamNanos from the first chunk until the last was handed to the learner's sink
   * @param totalNanos from the offer until the learner confirmed the stored shard
   */
  public record Sent(ShardIngest.Stored stored, long bytes, long streamNanos, long totalNanos) {}

  /**
   * Streams {@code file} (the bytes of {@code shard}) to a learner that stores it in {@code
   * dataDir}; returns once it is stored (or was already).
   *
   * @throws IllegalStateException if no learner answers in time or the learner refuses the shard
   */
  public Sent send(String unitId, String dataDir, String synthSettings,
      ShardEntry shard, Path file) throws InterruptedException {
    long deadline = System.nanoTime() + settings.learnerWait().toNanos();
    ActorRef<ShardIngest.Command> ingest = findIngest(deadline);
    long t0 = System.nanoTime();
    ShardIngest.Reply reply = ask(ingest, r -> new ShardIngest.Offer(unitId, dataDir,
        synthSettings, shard, r), ASK_TIMEOUT);
    if (reply instanceof ShardIngest.Stored stored) {
      return new Sent(stored, 0, 0, System.nanoTime() - t0);
    }
    if (reply instanceof ShardIngest.Refused refused) {
      throw new IllegalStateException("learner " + ingest.path().address() + " refused shard "
          + shard.shard() + ": " + refused.reason());
    }
    ShardIngest.Accepted accepted = (ShardIngest.Accepted) reply;
    long[] last = {0};
    long s0 = System.nanoTime();
    CompletionStage<Done> sent = FileIO.fromPath(file, settings.chunkBytes())
        .map(chunk -> meter(chunk, last))
        .watchTermination(Keep.right())
        .to(accepted.sink().getSink())
        .run(materializer);
    await(sent, settings.storeTimeout(), "streaming shard " + shard.shard());
    long streamed = System.nanoTime() - s0;
    ShardIngest.Reply outcome = ask(ingest, r -> new ShardIngest.AwaitStored(dataDir,
        shard.shard(), r), settings.storeTimeout());
    if (outcome instanceof ShardIngest.Stored stored) {
      return new Sent(stored, shard.bytes(), streamed, System.nanoTime() - t0);
    }
    throw new IllegalStateException("learner " + ingest.path().address() + " did not store shard "
        + shard.shard() + ": " + ((ShardIngest.Refused) outcome).reason());
  }

  /** Counts the chunk and the time since the previous one was handed on (waiting for demand). */
  private ByteString meter(ByteString chunk, long[] last) {
    long now = System.nanoTime();
    if (last[0] != 0) {
      metrics.backpressureSeconds().labelValues(STAGE).inc((now - last[0]) / 1e9);
    }
    last[0] = now;
    metrics.bytesStreamed().labelValues("sent").inc(chunk.size());
    return chunk;
  }

  /** The ingest to stream to: the first by address, the same for every worker of the cluster. */
  private ActorRef<ShardIngest.Command> findIngest(long deadline) throws InterruptedException {
    while (true) {
      Receptionist.Listing listing = ask(system.receptionist(),
          r -> Receptionist.find(ShardIngest.KEY, r), ASK_TIMEOUT);
      List<ActorRef<ShardIngest.Command>> all = listing.getServiceInstances(ShardIngest.KEY)
          .stream().sorted(Comparator.comparing(a -> a.path().toString())).toList();
      if (!all.isEmpty()) {
        return all.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no learner node (role learner) found within "
            + settings.learnerWait().toSeconds() + " s to stream shards to");
      }
      Thread.sleep(250);
    }
  }

  private <Q, T> T ask(ActorRef<Q> target, Function<ActorRef<T>, Q> message, Duration timeout)
      throws InterruptedException {
    return await(AskPattern.ask(target, message::apply, timeout, system.scheduler()),
        timeout.plusSeconds(1), "waiting for " + target.path());
  }

  private static <T> T await(CompletionStage<T> stage, Duration timeout, String what)
      throws InterruptedException {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " timed out after " + timeout.toSeconds() + " s", e);
    }
  }
}
