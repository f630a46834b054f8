/**
 * Node bootstrap: settings, roles and resources of a node, the Pekko configuration derived from
 * them (Artery TCP or TLS, seed nodes, split-brain resolver), the membership listener feeding the
 * members gauge, and {@link io.icrl.cluster.node.IcrlNode} that starts it all.
 */
package io.icrl.cluster.node;
