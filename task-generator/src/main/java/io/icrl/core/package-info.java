/**
 * Small shared foundations used by every icrl module: the bad-input exception the CLI maps to exit
 * code 2, seed derivation, strict HOCON settings and crash-safe file writes.
 */
package io.icrl.core;
