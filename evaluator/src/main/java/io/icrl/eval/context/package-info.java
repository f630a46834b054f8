/**
 * Context data for the imitation and offline modes: episodes rolled out by a policy ({@link
 * io.icrl.eval.context.ContextData}): the optimum, a noisy oracle at epsilon, or random; and the
 * policies themselves ({@link io.icrl.eval.context.EpisodePolicy}).
 */
package io.icrl.eval.context;
