package io.icrl.cluster.serialization;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Kryo's class resolver with two changes: every concrete typed {@link ActorRef} class maps to the
 * single registration of the {@code ActorRef} interface (so refs travel as path strings whatever
 * their implementation class), and a class written by name is refused before its name is even
 * looked up, so crafted bytes can never load or instantiate an unregistered class.
 */
final class StrictClassResolver extends DefaultClassResolver {
  private Registration actorRefs;

  void actorRefRegistration(Registration registration) {
    this.actorRefs = registration;
  }

  @Override
  public Registration getRegistration(Class type) {
    Registration r = super.getRegistration(type);
    if (r == null && actorRefs != null && ActorRef.class.isAssignableFrom(type)) {
      classToRegistration.put(type, actorRefs);
      return actorRefs;
    }
    return r;
  }

  @Override
  protected Registration readName(Input input) {
    throw new KryoException("refused a class named on the wire: only registered class ids are"
        + " accepted");
  }
}
