package io.icrl.tasks.mdp;

/** What a state is: an ordinary state, or a terminal goal or pitfall. */
public enum StateKind {
  NORMAL,
  GOAL,
  PITFALL
}
