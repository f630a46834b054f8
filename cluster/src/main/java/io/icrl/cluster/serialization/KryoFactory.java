package io.icrl.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import io.icrl.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.stream.SinkRef;
import org.apache.pekko.stream.SourceRef;
import org.apache.pekko.stream.StreamRefResolver;

/**
 * Builds identically configured Kryo instances: registration required, no references, bounded
 * nesting depth, every allowed class registered under its {@link ClassIds stable id}, typed
 * actor refs written through {@link ActorRefKryoSerializer} and stream refs through {@link
 * StreamRefKryoSerializer}.
 */
public final class KryoFactory {
  /** Deepest object nesting accepted; deeper (crafted) input fails instead of overflowing. */
  static final int MAX_DEPTH = 64;

  private final List<Class<?>> classes;
  private final Supplier<ActorRefResolver> resolver;
  private final Supplier<StreamRefResolver> streamRefs;

  private KryoFactory(List<Class<?>> classes, Supplier<ActorRefResolver> resolver,
      Supplier<StreamRefResolver> streamRefs) {
    this.classes = classes;
    this.resolver = resolver;
    this.streamRefs = streamRefs;
  }

  /**
   * A factory allowing {@code builtin} classes plus the classes named in {@code configured}.
   *
   * @param configured fully qualified class names (from {@code icrl.cluster.serialization.classes})
   * @throws InvalidInputException if a configured class does not exist or two classes share an id
   */
  public static KryoFactory create(List<Class<?>> builtin, List<String> configured,
      ClassLoader loader, Supplier<ActorRefResolver> resolver) {
    return create(builtin, configured, loader, resolver, () -> null);
  }

  /** As {@link #create(List, List, ClassLoader, Supplier)}, also resolving stream refs. */
  public static KryoFactory create(List<Class<?>> builtin, List<String> configured,
      ClassLoader loader, Supplier<ActorRefResolver> resolver,
      Supplier<StreamRefResolver> streamRefs) {
    LinkedHashSet<Class<?>> all = new LinkedHashSet<>(builtin);
    for (String name : configured) {
      all.add(load(name.trim(), loader));
    }
    List<Class<?>> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(Class::getName));
    checkIds(sorted);
    return new KryoFactory(List.copyOf(sorted), resolver, streamRefs);
  }

  /** The registered classes, sorted by name. */
  public List<Class<?>> classes() {
    return classes;
  }

  /** A new Kryo instance (not thread-safe: one per thread or from a pool). */
  public Kryo newKryo() {
    StrictClassResolver classResolver = new StrictClassResolver();
    Kryo kryo = new Kryo(classResolver, null);
    kryo.setRegistrationRequired(true);
    kryo.setReferences(false);
    kryo.setMaxDepth(MAX_DEPTH);
    Registration refs = kryo.register(ActorRef.class, new ActorRefKryoSerializer(resolver),
        ClassIds.of(ActorRef.class.getName()));
    classResolver.actorRefRegistration(refs);
    Registration sinks = kryo.register(SinkRef.class, StreamRefKryoSerializer.sinks(streamRefs),
        ClassIds.of(SinkRef.class.getName()));
    Registration sources = kryo.register(SourceRef.class,
        StreamRefKryoSerializer.sources(streamRefs), ClassIds.of(SourceRef.class.getName()));
    classResolver.streamRefRegistrations(sinks, sources);
    Map<Class<?>, Serializer<?>> special = specialSerializers();
    for (Class<?> c : classes) {
      Serializer<?> s = special.get(c);
      if (s != null) {
        kryo.register(c, s, ClassIds.of(c.getName()));
      } else {
        kryo.register(c, ClassIds.of(c.getName()));
      }
    }
    return kryo;
  }

  private static Map<Class<?>, Serializer<?>> specialSerializers() {
    Map<Class<?>, Serializer<?>> m = new HashMap<>();
    m.put(ArrayList.class, new CollectionSerializers.Bounded<ArrayList<?>>());
    m.put(LinkedList.class, new CollectionSerializers.Bounded<LinkedList<?>>());
    m.put(HashSet.class, new CollectionSerializers.Bounded<HashSet<?>>());
    m.put(LinkedHashSet.class, new CollectionSerializers.Bounded<LinkedHashSet<?>>());
    m.put(HashMap.class, new CollectionSerializers.BoundedMap<HashMap<?, ?>>());
    m.put(LinkedHashMap.class, new CollectionSerializers.BoundedMap<LinkedHashMap<?, ?>>());
    m.put(TreeMap.class, new DefaultSerializers.TreeMapSerializer());
    for (Class<?> c : CollectionSerializers.immutableListClasses()) {
      m.put(c, new CollectionSerializers.ImmutableList());
    }
    for (Class<?> c : CollectionSerializers.immutableSetClasses()) {
      m.put(c, new CollectionSerializers.ImmutableSet());
    }
    for (Class<?> c : CollectionSerializers.immutableMapClasses()) {
      m.put(c, new CollectionSerializers.ImmutableMap());
    }
    m.put(Collections.emptyList().getClass(), new DefaultSerializers.CollectionsEmptyListSerializer());
    m.put(Collections.emptyMap().getClass(), new DefaultSerializers.CollectionsEmptyMapSerializer());
    m.put(Collections.emptySet().getClass(), new DefaultSerializers.CollectionsEmptySetSerializer());
    m.put(Collections.singletonList(1).getClass(),
        new DefaultSerializers.CollectionsSingletonListSerializer());
    return m;
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new InvalidInputException("setting icrl.cluster.serialization.classes: class '" + name
          + "' not found on the classpath", e);
    }
  }

  private static void checkIds(List<Class<?>> classes) {
    Map<Integer, String> seen = new HashMap<>();
    for (Class<?> c : List.of(ActorRef.class, SinkRef.class, SourceRef.class)) {
      seen.put(ClassIds.of(c.getName()), c.getName());
    }
    for (Class<?> c : classes) {
      String previous = seen.putIfAbsent(ClassIds.of(c.getName()), c.getName());
      if (previous != null && !previous.equals(c.getName())) {
        throw new InvalidInputException("serialization: classes " + previous + " and "
            + c.getName() + " hash to the same Kryo id; rename one of them");
      }
    }
  }
}
