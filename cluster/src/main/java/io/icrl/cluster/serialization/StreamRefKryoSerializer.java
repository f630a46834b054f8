package io.icrl.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.function.Supplier;
import org.apache.pekko.stream.SinkRef;
import org.apache.pekko.stream.SourceRef;
import org.apache.pekko.stream.StreamRefResolver;

/**
 * Writes a stream reference ({@link SinkRef} or {@link SourceRef}) as its serialization string and
 * resolves it back on the receiving node through Pekko's {@link StreamRefResolver}, so messages
 * can carry the end of a stream (e.g. the learner's sink for one shard).
 */
final class StreamRefKryoSerializer<R> extends Serializer<R> {
  private final Supplier<StreamRefResolver> resolver;
  private final boolean sink;

  private StreamRefKryoSerializer(Supplier<StreamRefResolver> resolver, boolean sink) {
    super(false, true);
    this.resolver = resolver;
    this.sink = sink;
  }

  static StreamRefKryoSerializer<SinkRef<?>> sinks(Supplier<StreamRefResolver> resolver) {
    return new StreamRefKryoSerializer<>(resolver, true);
  }

  static StreamRefKryoSerializer<SourceRef<?>> sources(Supplier<StreamRefResolver> resolver) {
    return new StreamRefKryoSerializer<>(resolver, false);
  }

  @Override
  public void write(Kryo kryo, Output output, R ref) {
    StreamRefResolver r = resolver();
    output.writeString(sink ? r.toSerializationFormat((SinkRef<?>) ref)
        : r.toSerializationFormat((SourceRef<?>) ref));
  }

  @Override
  @SuppressWarnings("unchecked")
  public R read(Kryo kryo, Input input, Class<? extends R> type) {
    String path = input.readString();
    if (path == null || path.isEmpty()) {
      throw new KryoException("empty stream reference");
    }
    StreamRefResolver r = resolver();
    return (R) (sink ? r.resolveSinkRef(path) : r.resolveSourceRef(path));
  }

  private StreamRefResolver resolver() {
    StreamRefResolver r = resolver == null ? null : resolver.get();
    if (r == null) {
      throw new KryoException("stream references need an actor system (no resolver configured)");
    }
    return r;
  }
}
