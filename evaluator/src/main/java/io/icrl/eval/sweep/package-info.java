/**
 * The evaluation sweep: cells (task x mode x agent x seed) run on a fixed thread pool with
 * deterministic per-cell seeds, each finished cell journaled atomically so an interrupted sweep
 * resumes without redoing it ({@link io.icrl.eval.sweep.Sweep}).
 */
package io.icrl.eval.sweep;
