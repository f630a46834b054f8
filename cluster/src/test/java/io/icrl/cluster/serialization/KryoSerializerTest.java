package io.icrl.cluster.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.typesafe.config.ConfigFactory;
import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobSpec;
import io.icrl.cluster.job.UnitResult;
import io.icrl.cluster.job.WorkUnit;
import io.icrl.core.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KryoSerializerTest {
  enum Mode { GREEDY, SAMPLED }

  record Inner(String name, double[] values, Mode mode) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Inner i && i.name.equals(name) && java.util.Arrays.equals(i.values, values)
          && i.mode == mode;
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  record Outer(long id, List<Inner> inners, byte[] blob, Map<String, Integer> counts,
      ActorRef<String> replyTo, Inner optional) implements ClusterMessage {}

  /** Not on any allow-list. */
  record Unlisted(int x) implements ClusterMessage {}

  /** Sets a system property when its class is initialized, so a test can see it never was. */
  static final class Evil implements ClusterMessage {
    static {
      System.setProperty("icrl.test.evil.initialized", "true");
    }

    int payload = 7;
  }

  private static ActorTestKit testKit;
  private static KryoSerializer serializer;

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create("kryo", ConfigFactory.parseString(
        "icrl.cluster.serialization.classes = [\"" + Outer.class.getName() + "\", \""
            + Inner.class.getName() + "\", \"" + Mode.class.getName() + "\"]")
        .withFallback(ConfigFactory.load()));
    serializer = (KryoSerializer) SerializationExtension.get(testKit.system().classicSystem())
        .serializerFor(Outer.class);
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static Object roundTrip(Object o) {
    return serializer.fromBinaryJava(serializer.toBinary(o), Object.class);
  }

  @Test
  void pekkoBindsClusterMessagesToKryo() {
    Serialization ser = SerializationExtension.get(testKit.system().classicSystem());
    assertInstanceOf(KryoSerializer.class, ser.findSerializerFor(
        new Coordinator.Acknowledged("u000001")));
    assertEquals(KryoSerializer.IDENTIFIER, serializer.identifier());
  }

  @Test
  void nestedRecordsListsArraysMapsAndActorRefsRoundTrip() {
    TestProbe<String> probe = testKit.createTestProbe();
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("a", 1);
    counts.put("b", 2);
    Outer o = new Outer(42L, List.of(new Inner("x", new double[] {1.5, -2}, Mode.GREEDY),
        new Inner("y", new double[0], Mode.SAMPLED)), new byte[] {1, 2, 3, -128}, counts,
        probe.getRef(), null);
    Outer back = (Outer) roundTrip(o);
    assertEquals(o.id(), back.id());
    assertEquals(o.inners(), back.inners());
    assertArrayEquals(o.blob(), back.blob());
    assertEquals(o.counts(), back.counts());
    assertNull(back.optional());
    assertEquals(probe.getRef(), back.replyTo());
    back.replyTo().tell("hello");
    probe.expectMessage("hello");
  }

  @Test
  void collectionVariantsRoundTrip() {
    List<Object> collections = List.of(List.of(), List.of(1), List.of(1, 2), List.of(1, 2, 3),
        new ArrayList<>(List.of("a", "b")), java.util.Collections.emptyList(),
        java.util.Collections.singletonList(5L), java.util.stream.Stream.of("p", "q").toList(),
        Map.of(), Map.of("a", 1), Map.of("a", 1, "b", 2), new HashMap<>(Map.of("k", 3)),
        java.util.Set.of(), java.util.Set.of(1), java.util.Set.of(1, 2, 3));
    for (Object c : collections) {
      assertEquals(c, roundTrip(c));
    }
  }

  @Test
  void icrlMessagesRoundTrip() {
    TestProbe<Coordinator.WorkerReply> probe = testKit.createTestProbe();
    JobSpec spec = new JobSpec("job-1", "checksum", 10, 8, 4, 2, 2, 3, "/tmp/out", "a = 1");
    WorkUnit unit = new WorkUnit("job-1", "u000003", "checksum", 12, 14, 0, 2, 1, "/tmp/out",
        "a = 1");
    Object[] messages = {
        new Coordinator.SubmitJob(spec, testKit.<Coordinator.SubmitReply>createTestProbe().getRef()),
        new Coordinator.RequestWork("w1", List.of("checksum", "synth"), probe.getRef()),
        new Coordinator.Assigned(unit),
        new Coordinator.UnitCompleted("w1", "job-1", "u000003", 1,
            new UnitResult(100, 800, List.of("shard-3.arrow"), "abc"), probe.getRef()),
        new Coordinator.JobRejected("job-1", "why"),
    };
    for (Object m : messages) {
      assertEquals(m, roundTrip(m));
    }
  }

  @Test
  void unregisteredClassIsRefusedOnSerialize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> serializer.toBinary(new Unlisted(1)));
    assertTrue(e.getMessage().contains(Unlisted.class.getName()), e.getMessage());
    // A registered record holding a value of an unregistered class is refused too.
    Map<String, Integer> unlistedMap = new java.util.concurrent.ConcurrentHashMap<>(Map.of("a", 1));
    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
        () -> serializer.toBinary(new Outer(1, List.of(), new byte[0], unlistedMap, null, null)));
    assertTrue(nested.getMessage().contains("ConcurrentHashMap"), nested.getMessage());
  }

  /** Same shape and name length as {@link Evil}, so its bytes can be rewritten into an Evil. */
  static final class Fake {
    int payload = 7;
  }

  @Test
  void classNamedOnTheWireIsRefusedWithoutLoadingIt() {
    Kryo lax = new Kryo();
    lax.setRegistrationRequired(false);
    Output out = new Output(64, -1);
    lax.writeClassAndObject(out, new Fake());
    byte[] crafted = out.toBytes();
    // Kryo writes ASCII names with the high bit set on the last character.
    byte[] from = {'F', 'a', 'k', (byte) ('e' | 0x80)};
    byte[] to = {'E', 'v', 'i', (byte) ('l' | 0x80)};
    int at = indexOf(crafted, from);
    assertTrue(at > 0);
    System.arraycopy(to, 0, crafted, at, to.length);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> serializer.fromBinaryJava(crafted, Object.class));
    assertTrue(e.getMessage().contains("refused a class named on the wire"), e.getMessage());
    assertNull(System.getProperty("icrl.test.evil.initialized"));

    // Control: a permissive Kryo would have built an Evil from the same bytes.
    Kryo permissive = new Kryo();
    permissive.setRegistrationRequired(false);
    Object built = permissive.readClassAndObject(new com.esotericsoftware.kryo.io.Input(crafted));
    assertInstanceOf(Evil.class, built);
    assertEquals("true", System.getProperty("icrl.test.evil.initialized"));
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void unknownRegistrationIdIsRefused() {
    Kryo other = new Kryo();
    other.register(Unlisted.class, 987_654);
    Output out = new Output(64, -1);
    other.writeClassAndObject(out, new Unlisted(5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> serializer.fromBinaryJava(out.toBytes(), Object.class));
    assertTrue(e.getMessage().contains("unregistered class ID"), e.getMessage());
  }

  @Test
  void hugeLengthClaimsAreRefusedBeforeAllocating() {
    byte[] good = serializer.toBinary(new Outer(1, List.of(), new byte[] {9}, Map.of(), null, null));
    // Find the byte[] length prefix (varint 2 = length 1 + 1) followed by the payload byte 9.
    int at = -1;
    for (int i = 0; i + 1 < good.length; i++) {
      if (good[i] == 2 && good[i + 1] == 9) {
        at = i;
      }
    }
    assertTrue(at > 0);
    byte[] crafted = new byte[good.length + 4];
    System.arraycopy(good, 0, crafted, 0, at);
    // varint 0x7ffffff0 (about 2^31 elements).
    byte[] huge = {(byte) 0xf0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
    System.arraycopy(huge, 0, crafted, at, huge.length);
    System.arraycopy(good, at + 1, crafted, at + huge.length, good.length - at - 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> serializer.fromBinaryJava(crafted, Object.class));
    assertTrue(e.getMessage().contains("claims"), e.getMessage());
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] good = serializer.toBinary(new Coordinator.Acknowledged("u1"));
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 3);
    assertThrows(IllegalArgumentException.class, () -> serializer.fromBinaryJava(longer, Object.class));
  }

  @Test
  void unknownConfiguredClassIsBadInput() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> KryoFactory.create(
        MessageClasses.all(), List.of("io.icrl.NoSuchClass"), getClass().getClassLoader(),
        () -> null));
    assertTrue(e.getMessage().contains("io.icrl.NoSuchClass"));
  }

  @Test
  void registrationIdsAreStableAndDistinct() {
    KryoFactory f = KryoFactory.create(MessageClasses.all(), List.of(), getClass().getClassLoader(),
        () -> null);
    Kryo a = f.newKryo();
    Kryo b = f.newKryo();
    for (Class<?> c : f.classes()) {
      assertEquals(ClassIds.of(c.getName()), a.getRegistration(c).getId(), c.getName());
      assertEquals(a.getRegistration(c).getId(), b.getRegistration(c).getId());
    }
    assertSame(f.classes(), f.classes());
  }

  @Test
  void poolIsSafeUnderConcurrentUse() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int thread = t;
        results.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 2000; i++) {
            WorkUnit u = new WorkUnit("j" + thread, "u" + i, "k", i, i + 1, 0, thread, i, "", "");
            if (u.equals(roundTrip(new Coordinator.Assigned(u)) instanceof Coordinator.Assigned a
                ? a.unit() : null)) {
              ok++;
            }
          }
          return ok;
        }));
      }
      for (Future<Integer> f : results) {
        assertEquals(2000, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void serializerCanBeBuiltByPekkoReflection() {
    ExtendedActorSystem ext = (ExtendedActorSystem) testKit.system().classicSystem();
    KryoSerializer fresh = new KryoSerializer(ext);
    assertTrue(fresh.factory().classes().contains(Outer.class));
  }
}
