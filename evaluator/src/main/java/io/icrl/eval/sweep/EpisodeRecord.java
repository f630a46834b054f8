package io.icrl.eval.sweep;

/**
 * One played (or, for the behavior data, recorded) episode.
 *
 * @param episode the episode number, from 1
 * @param ret the undiscounted return with the task's true rewards
 * @param score the normalized score of the return
 * @param steps the episode's length
 */
public record EpisodeRecord(int episode, double ret, double score, int steps) {}
