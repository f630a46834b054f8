package io.icrl.cluster.serialization;

import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobSpec;
import io.icrl.cluster.job.JobState;
import io.icrl.cluster.job.JobStatus;
import io.icrl.cluster.job.UnitResult;
import io.icrl.cluster.job.UnitState;
import io.icrl.cluster.job.WorkUnit;
import io.icrl.cluster.stream.ShardIngest;
import io.icrl.synth.format.SequenceEntry;
import io.icrl.synth.format.ShardEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.TreeMap;

/**
 * The code-side allow-list of classes that may appear in cluster messages: common JDK value and
 * collection classes plus every icrl message class (records, their nested records and enums).
 * New message classes are added here (or, outside icrl, to {@code
 * icrl.cluster.serialization.classes}).
 */
public final class MessageClasses {
  private MessageClasses() {}

  /**
   * JDK classes allowed in messages (Kryo itself registers the primitives, their boxes and
   * String).
   */
  public static List<Class<?>> jdk() {
    List<Class<?>> c = new ArrayList<>(List.of(
        byte[].class, int[].class, long[].class, float[].class, double[].class, boolean[].class,
        short[].class, char[].class,
        ArrayList.class, LinkedList.class, HashSet.class, LinkedHashSet.class, HashMap.class,
        LinkedHashMap.class, TreeMap.class,
        Collections.emptyList().getClass(), Collections.emptyMap().getClass(),
        Collections.emptySet().getClass(), Collections.singletonList(1).getClass(),
        Instant.class, Duration.class));
    c.addAll(CollectionSerializers.immutableListClasses());
    c.addAll(CollectionSerializers.immutableSetClasses());
    c.addAll(CollectionSerializers.immutableMapClasses());
    return c;
  }

  /** icrl's own message classes. */
  public static List<Class<?>> icrl() {
    return List.of(
        JobSpec.class, WorkUnit.class, UnitResult.class, JobStatus.class, JobState.class,
        UnitState.class,
        Coordinator.SubmitJob.class, Coordinator.GetJobStatus.class, Coordinator.AwaitJob.class,
        Coordinator.CancelJob.class, Coordinator.ListJobs.class, Coordinator.RequestWork.class,
        Coordinator.UnitCompleted.class, Coordinator.UnitFailed.class, Coordinator.Decline.class,
        Coordinator.JobAccepted.class, Coordinator.JobRejected.class, Coordinator.JobList.class,
        Coordinator.Assigned.class, Coordinator.Acknowledged.class,
        ShardEntry.class, SequenceEntry.class,
        ShardIngest.Offer.class, ShardIngest.AwaitStored.class, ShardIngest.Accepted.class,
        ShardIngest.Stored.class, ShardIngest.Refused.class);
  }

  /** Everything allowed by code (config may add more). */
  public static List<Class<?>> all() {
    List<Class<?>> all = new ArrayList<>(jdk());
    all.addAll(icrl());
    return all;
  }
}
