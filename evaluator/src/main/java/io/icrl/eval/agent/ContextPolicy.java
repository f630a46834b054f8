package io.icrl.eval.agent;

/**
 * What the in-context agent keeps in its model's context in one mode once it is full (see {@link
 * RowModel#pinContext} and {@link RowModel#dropLowestReturnFirst}): pinned at its start, the mode's
 * context data and the agent's own first {@code ownEpisodes} episodes, in at most the share {@code
 * share} of the context; of the agent's other episodes, the oldest are dropped first, or those of
 * lowest return.
 *
 * @param share the largest share of the context the pinned rows may take; 0 pins nothing
 * @param ownEpisodes how many of the agent's own first episodes are pinned with the data
 * @param lowestReturnFirst whether the complete episodes of lowest return are dropped first
 *     (otherwise the oldest)
 */
public record ContextPolicy(double share, int ownEpisodes, boolean lowestReturnFirst) {
  /** Nothing pinned, the oldest episodes dropped first. */
  public static final ContextPolicy NONE = new ContextPolicy(0, 0, false);

  public ContextPolicy {
    if (!(share >= 0 && share < 1)) {
      throw new IllegalArgumentException("pinned share must be in [0, 1), got " + share);
    }
    if (ownEpisodes < 0) {
      throw new IllegalArgumentException("pinned own episodes must be >= 0, got " + ownEpisodes);
    }
  }

  /** The context data (and nothing of the agent's own) in at most {@code share} of the context. */
  public static ContextPolicy data(double share) {
    return new ContextPolicy(share, 0, false);
  }

  /** Whether anything is pinned. */
  public boolean pins() {
    return share > 0;
  }
}
