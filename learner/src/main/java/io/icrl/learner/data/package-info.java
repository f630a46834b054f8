/**
 * Window sources for the learner beyond the Arrow shards: in-memory rollouts on tabular MDPs (for
 * tests, development and benchmarks) and the lookup of a dataset by directory or spec.
 */
package io.icrl.learner.data;
