package io.icrl.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import io.icrl.core.InvalidInputException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.JSerializer;
import org.apache.pekko.stream.StreamRefResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pekko serializer for {@link ClusterMessage}s, backed by a pool of Kryo instances with class
 * registration required. Only {@link MessageClasses#all() icrl's message classes} and the classes
 * listed in {@code icrl.cluster.serialization.classes} can be written or read; anything else is
 * logged and refused (an {@link IllegalArgumentException}, which Pekko logs and drops), and
 * refused input never instantiates the unregistered class. Typed actor refs travel as strings
 * resolved with {@link ActorRefResolver}.
 */
public final class KryoSerializer extends JSerializer {
  /** Pekko serializer id (Pekko reserves 0..40). */
  public static final int IDENTIFIER = 471_101;
  /** Config path of the extra allowed classes. */
  public static final String CLASSES_SETTING = "icrl.cluster.serialization.classes";

  private static final Logger LOG = LoggerFactory.getLogger(KryoSerializer.class);

  private final KryoFactory factory;
  private final Pool<Kryo> pool;

  /** Called by Pekko's serialization extension. */
  public KryoSerializer(ExtendedActorSystem system) {
    this(KryoFactory.create(MessageClasses.all(), configuredClasses(system),
        system.dynamicAccess().classLoader(), memoized(() ->
            ActorRefResolver.get(Adapter.toTyped(system))),
        memoized(() -> StreamRefResolver.get(system))));
  }

  /** A serializer over an explicit factory (tests, tools). */
  public KryoSerializer(KryoFactory factory) {
    this.factory = factory;
    this.pool = new Pool<>(true, false, 64) {
      @Override
      protected Kryo create() {
        return factory.newKryo();
      }
    };
  }

  /** The factory behind this serializer (its registered classes). */
  public KryoFactory factory() {
    return factory;
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public boolean includeManifest() {
    return false;
  }

  @Override
  public byte[] toBinary(Object message) {
    Kryo kryo = pool.obtain();
    try {
      Output out = new Output(256, -1);
      kryo.writeClassAndObject(out, message);
      byte[] bytes = out.toBytes();
      pool.free(kryo);
      return bytes;
    } catch (RuntimeException e) {
      // A Kryo instance that failed mid-write may hold partial state: drop it, never reuse it.
      String type = message == null ? "null" : message.getClass().getName();
      LOG.warn("refused to serialize a {}: {}", type, e.getMessage());
      throw new IllegalArgumentException("cannot serialize " + type + " with icrl's Kryo"
          + " serializer: " + e.getMessage(), e);
    }
  }

  @Override
  public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    Kryo kryo = pool.obtain();
    try {
      BoundedInput in = new BoundedInput(bytes);
      Object message = kryo.readClassAndObject(in);
      if (in.remaining() != 0) {
        throw new IllegalArgumentException(in.remaining() + " trailing bytes after the message");
      }
      pool.free(kryo);
      return message;
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("refused to deserialize a {}-byte message: {}", bytes.length, e.getMessage());
      throw new IllegalArgumentException("cannot deserialize a " + bytes.length + "-byte message"
          + " with icrl's Kryo serializer: " + e.getMessage(), e);
    }
  }

  private static List<String> configuredClasses(ExtendedActorSystem system) {
    try {
      return system.settings().config().getStringList(CLASSES_SETTING);
    } catch (com.typesafe.config.ConfigException e) {
      throw new InvalidInputException("setting " + CLASSES_SETTING + ": expected a list of class"
          + " names (" + e.getMessage() + ")", e);
    }
  }

  private static <T> Supplier<T> memoized(Supplier<T> supplier) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          v = supplier.get();
          value = v;
        }
        return v;
      }
    };
  }
}
