/** The immutable tabular MDP every generator produces and every solver reads. */
package io.icrl.tasks.mdp;
