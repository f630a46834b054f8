package io.icrl.cluster.serialization;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.SinkRef;
import org.apache.pekko.stream.SourceRef;

/**
 * Kryo's class resolver with two changes: every concrete typed {@link ActorRef}, {@link SinkRef}
 * and {@link SourceRef} class maps to the single registration of its interface (so refs travel as
 * strings whatever their implementation class), and a class written by name is refused before its name is even
 * looked up, so crafted bytes can never load or instantiate an unregistered class.
 */
final class StrictClassResolver extends DefaultClassResolver {
  private Registration actorRefs;
  private Registration sinkRefs;
  private Registration sourceRefs;

  void actorRefRegistration(Registration registration) {
    this.actorRefs = registration;
  }

  void streamRefRegistrations(Registration sinks, Registration sources) {
    this.sinkRefs = sinks;
    this.sourceRefs = sources;
  }

  @Override
  public Registration getRegistration(Class type) {
    Registration r = super.getRegistration(type);
    if (r != null) {
      return r;
    }
    Registration shared = null;
    if (actorRefs != null && ActorRef.class.isAssignableFrom(type)) {
      shared = actorRefs;
    } else if (sinkRefs != null && SinkRef.class.isAssignableFrom(type)) {
      shared = sinkRefs;
    } else if (sourceRefs != null && SourceRef.class.isAssignableFrom(type)) {
      shared = sourceRefs;
    }
    if (shared != null) {
      classToRegistration.put(type, shared);
    }
    return shared;
  }

  @Override
  protected Registration readName(Input input) {
    throw new KryoException("refused a class named on the wire: only registered class ids are"
        + " accepted");
  }
}
