/**
 * Evaluation of in-context agents against baselines: modes, settings and the entry points of the
 * sweep ({@link io.icrl.eval.sweep}), agents ({@link io.icrl.eval.agent}, {@link
 * io.icrl.eval.baseline}), context data ({@link io.icrl.eval.context}), task references and guards
 * ({@link io.icrl.eval.task}) and outputs ({@link io.icrl.eval.report}). See docs/evaluation.md.
 */
package io.icrl.eval;
