package io.icrl.eval.agent;

import io.icrl.eval.Mode;
import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/**
 * Everything an agent gets at the start of one evaluation run.
 *
 * @param task the task's public description
 * @param mode the evaluation mode
 * @param episodes the number of episodes the agent will play (E)
 * @param rng the run's own random stream (derived from the sweep seed, never shared)
 * @param prompt the prompt code fed with the agent's own steps (the policy it is asked to be)
 * @param tag the tag code fed with the agent's own steps (usually {@link Tag#UNK})
 * @param shaping how rewards fed into a model's context are shaped (scores never use it)
 */
public record AgentRun(TaskInfo task, Mode mode, int episodes, SplittableRandom rng, Tag prompt,
    Tag tag, RewardShaping shaping) {}
