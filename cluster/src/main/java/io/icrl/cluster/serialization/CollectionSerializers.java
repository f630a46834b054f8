package io.icrl.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.MapSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collection serializers that check a claimed size against the bytes left in the message before
 * allocating ({@link BoundedInput}), including the JDK's immutable {@code List.of}, {@code Set.of}
 * and {@code Map.of} collections (read back as equal immutable collections).
 */
final class CollectionSerializers {
  private CollectionSerializers() {}

  /** Mutable collections with a no-argument constructor (ArrayList, HashSet, ...). */
  static final class Bounded<T extends Collection<?>> extends CollectionSerializer<T> {
    @Override
    protected T create(Kryo kryo, Input input, Class<? extends T> type, int size) {
      BoundedInput.checkSize(input, size, type.getSimpleName());
      return super.create(kryo, input, type, size);
    }
  }

  /** Mutable maps with a no-argument constructor (HashMap, LinkedHashMap). */
  static final class BoundedMap<T extends Map<?, ?>> extends MapSerializer<T> {
    @Override
    protected T create(Kryo kryo, Input input, Class<? extends T> type, int size) {
      BoundedInput.checkSize(input, size, type.getSimpleName());
      return super.create(kryo, input, type, size);
    }
  }

  /** {@code List.of(...)}, {@code List.copyOf}, {@code Stream.toList()}. */
  static final class ImmutableList extends Serializer<List<Object>> {
    ImmutableList() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output output, List<Object> list) {
      output.writeVarInt(list.size(), true);
      for (Object o : list) {
        kryo.writeClassAndObject(output, o);
      }
    }

    @Override
    public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
      int size = input.readVarInt(true);
      BoundedInput.checkSize(input, size, "immutable list");
      Object[] items = new Object[size];
      boolean nulls = false;
      for (int i = 0; i < size; i++) {
        items[i] = kryo.readClassAndObject(input);
        nulls |= items[i] == null;
      }
      return nulls ? Collections.unmodifiableList(Arrays.asList(items)) : List.of(items);
    }
  }

  /** {@code Set.of(...)}, {@code Set.copyOf}. */
  static final class ImmutableSet extends Serializer<Set<Object>> {
    ImmutableSet() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output output, Set<Object> set) {
      output.writeVarInt(set.size(), true);
      for (Object o : set) {
        kryo.writeClassAndObject(output, o);
      }
    }

    @Override
    public Set<Object> read(Kryo kryo, Input input, Class<? extends Set<Object>> type) {
      int size = input.readVarInt(true);
      BoundedInput.checkSize(input, size, "immutable set");
      Set<Object> items = new HashSet<>();
      for (int i = 0; i < size; i++) {
        items.add(kryo.readClassAndObject(input));
      }
      return Set.copyOf(items);
    }
  }

  /** {@code Map.of(...)}, {@code Map.copyOf}. */
  static final class ImmutableMap extends Serializer<Map<Object, Object>> {
    ImmutableMap() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output output, Map<Object, Object> map) {
      output.writeVarInt(map.size(), true);
      for (Map.Entry<Object, Object> e : map.entrySet()) {
        kryo.writeClassAndObject(output, e.getKey());
        kryo.writeClassAndObject(output, e.getValue());
      }
    }

    @Override
    public Map<Object, Object> read(Kryo kryo, Input input,
        Class<? extends Map<Object, Object>> type) {
      int size = input.readVarInt(true);
      BoundedInput.checkSize(input, size, "immutable map");
      Map<Object, Object> items = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        Object key = kryo.readClassAndObject(input);
        items.put(key, kryo.readClassAndObject(input));
      }
      return Map.copyOf(items);
    }
  }

  /** Classes of the JDK's immutable collections, as returned by the factory methods. */
  static List<Class<?>> immutableListClasses() {
    return distinct(List.of().getClass(), List.of(1).getClass(), List.of(1, 2, 3).getClass());
  }

  static List<Class<?>> immutableSetClasses() {
    return distinct(Set.of().getClass(), Set.of(1).getClass(), Set.of(1, 2, 3).getClass());
  }

  static List<Class<?>> immutableMapClasses() {
    return distinct(Map.of().getClass(), Map.of(1, 1).getClass(), Map.of(1, 1, 2, 2).getClass());
  }

  private static List<Class<?>> distinct(Class<?>... classes) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> c : classes) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }
}
