/**
 * Outputs of a sweep: {@code results.csv} (one row per episode), {@code summary.json} (scores at
 * chosen episodes, episodes to threshold, means and 95% intervals over seeds), {@code report.md}
 * and PNG plots of normalized score against episode ({@link io.icrl.eval.report.SweepOutputs}).
 */
package io.icrl.eval.report;
