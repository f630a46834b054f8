/**
 * Wire format of icrl's cluster messages: a Pekko serializer backed by Kryo with class
 * registration required, so only classes on an explicit allow-list (icrl's own message classes
 * plus {@code icrl.cluster.serialization.classes}) are ever written or instantiated.
 */
package io.icrl.cluster.serialization;
