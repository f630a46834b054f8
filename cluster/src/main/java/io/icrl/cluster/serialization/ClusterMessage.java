package io.icrl.cluster.serialization;

/**
 * Marker for messages that cross node boundaries. Pekko binds this interface to {@link
 * KryoSerializer} (see {@code pekko.actor.serialization-bindings} in reference.conf); every
 * concrete class reachable from such a message must also be registered ({@link MessageClasses} or
 * {@code icrl.cluster.serialization.classes}).
 */
public interface ClusterMessage {}
