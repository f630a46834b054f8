/** icrl's trajectory format: Arrow schema, shard writer and reader, manifest. */
package io.icrl.synth.format;
