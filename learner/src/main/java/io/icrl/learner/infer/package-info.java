/** Step-by-step inference for the evaluator: one step in, action logits out, with a KV cache. */
package io.icrl.learner.infer;
