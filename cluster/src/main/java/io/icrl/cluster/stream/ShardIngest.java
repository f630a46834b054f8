package io.icrl.cluster.stream;

import com.typesafe.config.ConfigFactory;
import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.cluster.serialization.ClusterMessage;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.ShardEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.IOResult;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.SinkRef;
import org.apache.pekko.stream.javadsl.FileIO;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.StreamRefs;
import org.apache.pekko.util.ByteString;

/**
 * The learner side of shard streaming (one per learner node, registered with the receptionist
 * under {@link #KEY}). A synth worker {@link Offer offers} a shard it produced; the ingest answers
 * {@link Stored} if it already holds that shard (deduplication by shard, i.e. by work unit), or
 * {@link Accepted} with a {@link SinkRef} the worker streams the file into. Chunks pass a bounded
 * buffer ({@code icrl.cluster.stream.buffer-chunks}) on their way to a temporary file; when the
 * buffer is full no demand is signalled and the worker waits (backpressure), so memory stays bounded
 * however fast synthesis is. A complete copy is verified and committed into the dataset directory
 * ({@link StreamedDataset}); workers then learn the outcome with {@link AwaitStored}.
 *
 * <p>Metrics: {@code icrl_stream_bytes_total{direction="received"}}, {@code
 * icrl_buffer_depth{buffer="learner_input"}} (chunks buffered over all incoming shards).
 */
public final class ShardIngest extends AbstractBehavior<ShardIngest.Command> {
  /** Receptionist key of the ingest actors. */
  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class,
      "icrl-shard-ingest");
  /** Label of the buffer-depth gauge. */
  public static final String BUFFER = "learner_input";

  /** Messages the ingest accepts. */
  public interface Command extends ClusterMessage {}

  /**
   * A worker offers shard {@code shard.shard()} of the dataset in {@code dataDir}.
   *
   * @param synthSettings HOCON holding the {@code icrl.synth} settings of the dataset
   * @param shard the shard's entry as its producer wrote it (sizes and checksums to verify)
   */
  public record Offer(String unitId, String dataDir, String synthSettings, ShardEntry shard,
      ActorRef<Reply> replyTo) implements Command {}

  /** Asks for the outcome of a streamed shard (answered once it is stored or every copy failed). */
  public record AwaitStored(String dataDir, int shard, ActorRef<Reply> replyTo)
      implements Command {}

  /** Answers of the ingest. */
  public interface Reply extends ClusterMessage {}

  /** Stream the shard's bytes into {@code sink}. */
  public record Accepted(int shard, SinkRef<ByteString> sink) implements Reply {}

  /** The shard is stored (by this copy, or earlier: {@code duplicate}). */
  public record Stored(int shard, String crc32c, boolean duplicate) implements Reply {}

  /** The shard cannot be stored (bad settings, a corrupted copy, ...). */
  public record Refused(int shard, String reason) implements Reply {}

  private record Received(String dataDir, int shard, Path tmp, ShardEntry entry, long chunks,
      Throwable error) implements Command, NoSerializationVerificationNeeded {}

  /** Streams and waiters of one shard. */
  private static final class Incoming {
    int active;
    String lastError;
    final List<ActorRef<Reply>> waiters = new ArrayList<>();
  }

  private final StreamSettings settings;
  private final IcrlMetrics metrics;
  private final Materializer materializer;
  private final Map<String, StreamedDataset> datasets = new HashMap<>();
  private final Map<String, Incoming> incoming = new HashMap<>();
  private final AtomicLong depth = new AtomicLong();

  private ShardIngest(ActorContext<Command> context, StreamSettings settings,
      IcrlMetrics metrics) {
    super(context);
    this.settings = settings;
    this.metrics = metrics;
    this.materializer = Materializer.createMaterializer(context);
    metrics.bufferDepth().labelValues(BUFFER).set(0);
    context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
  }

  /** The ingest behaviour. */
  public static Behavior<Command> create(StreamSettings settings, IcrlMetrics metrics) {
    return Behaviors.setup(ctx -> new ShardIngest(ctx, settings, metrics));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Offer.class, this::onOffer)
        .onMessage(AwaitStored.class, this::onAwait)
        .onMessage(Received.class, this::onReceived)
        .build();
  }

  private Behavior<Command> onOffer(Offer m) {
    int k = m.shard().shard();
    StreamedDataset data;
    try {
      data = dataset(m.dataDir(), m.synthSettings());
      ShardEntry have = data.stored(k);
      if (have != null) {
        m.replyTo().tell(have.crc32c().equals(m.shard().crc32c())
            ? new Stored(k, have.crc32c(), true)
            : new Refused(k, "shard " + k + " is already stored with another checksum"));
        return this;
      }
      data.checkExpected(m.shard());
    } catch (Exception e) {
      getContext().getLog().warn("refused shard {} of {}: {}", k, m.dataDir(), e.getMessage());
      m.replyTo().tell(new Refused(k, String.valueOf(e.getMessage())));
      return this;
    }
    Path tmp = data.newTempFile(k);
    AtomicLong in = new AtomicLong();
    AtomicLong out = new AtomicLong();
    Pair<SinkRef<ByteString>, CompletionStage<IOResult>> mat = StreamRefs.<ByteString>sinkRef()
        .map(chunk -> {
          in.incrementAndGet();
          metrics.bytesStreamed().labelValues("received").inc(chunk.size());
          metrics.bufferDepth().labelValues(BUFFER).set(depth.incrementAndGet());
          return chunk;
        })
        .buffer(settings.bufferChunks(), OverflowStrategy.backpressure())
        .async()
        .map(chunk -> {
          out.incrementAndGet();
          metrics.bufferDepth().labelValues(BUFFER).set(depth.decrementAndGet());
          return chunk;
        })
        .toMat(FileIO.toPath(tmp), Keep.both())
        .run(materializer);
    incoming.computeIfAbsent(key(m.dataDir(), k), x -> new Incoming()).active++;
    String dir = m.dataDir();
    ShardEntry entry = m.shard();
    getContext().pipeToSelf(mat.second(), (io, error) -> {
      long stuck = in.get() - out.get();
      if (stuck > 0) {
        metrics.bufferDepth().labelValues(BUFFER).set(depth.addAndGet(-stuck));
      }
      return new Received(dir, k, tmp, entry, out.get(), error);
    });
    m.replyTo().tell(new Accepted(k, mat.first()));
    return this;
  }

  private Behavior<Command> onReceived(Received m) {
    String key = key(m.dataDir(), m.shard());
    Incoming inc = incoming.computeIfAbsent(key, x -> new Incoming());
    inc.active--;
    StreamedDataset data = datasets.get(m.dataDir());
    if (m.error() != null) {
      data.discard(m.tmp());
      inc.lastError = "stream of shard " + m.shard() + " failed: " + m.error();
      getContext().getLog().info("{}", inc.lastError);
    } else {
      try {
        boolean added = data.commit(m.tmp(), m.entry());
        getContext().getLog().debug("shard {} of {} {}", m.shard(), m.dataDir(),
            added ? "stored" : "was a duplicate");
        ShardEntry e = data.stored(m.shard());
        for (ActorRef<Reply> w : inc.waiters) {
          w.tell(new Stored(m.shard(), e.crc32c(), !added));
        }
        inc.waiters.clear();
        if (inc.active == 0) {
          incoming.remove(key);
        }
        return this;
      } catch (Exception e) {
        inc.lastError = "shard " + m.shard() + " could not be stored: " + e.getMessage();
        getContext().getLog().warn("{}", inc.lastError);
      }
    }
    if (inc.active == 0) {
      for (ActorRef<Reply> w : inc.waiters) {
        w.tell(new Refused(m.shard(), inc.lastError));
      }
      inc.waiters.clear();
    }
    return this;
  }

  private Behavior<Command> onAwait(AwaitStored m) {
    StreamedDataset data = datasets.get(m.dataDir());
    ShardEntry e = data == null ? null : data.stored(m.shard());
    if (e != null) {
      m.replyTo().tell(new Stored(m.shard(), e.crc32c(), true));
      return this;
    }
    Incoming inc = incoming.get(key(m.dataDir(), m.shard()));
    if (inc != null && inc.active > 0) {
      inc.waiters.add(m.replyTo());
    } else {
      m.replyTo().tell(new Refused(m.shard(), inc != null && inc.lastError != null
          ? inc.lastError : "shard " + m.shard() + " was not offered"));
    }
    return this;
  }

  private StreamedDataset dataset(String dir, String synthHocon) throws Exception {
    SynthSettings s = SynthSettings.from(ConfigFactory.parseString(synthHocon)
        .withFallback(ConfigFactory.defaultReference()).resolve());
    StreamedDataset d = datasets.get(dir);
    if (d == null) {
      d = StreamedDataset.open(Path.of(dir), s);
      datasets.put(dir, d);
    } else if (!d.sameSettings(s)) {
      throw new io.icrl.core.InvalidInputException("dataset directory " + dir + " is being"
          + " filled with other synth settings");
    }
    return d;
  }

  private static String key(String dir, int shard) {
    return dir + "#" + shard;
  }
}
