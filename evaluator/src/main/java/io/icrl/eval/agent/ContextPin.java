package io.icrl.eval.agent;

/**
 * What the in-context agent pins at the start of its model's context in one mode (see {@link
 * RowModel#pinContext}): the mode's context data and the agent's own first {@code ownEpisodes}
 * episodes, in at most the share {@code share} of the context.
 *
 * @param share the largest share of the context the pinned rows may take; 0 pins nothing
 * @param ownEpisodes how many of the agent's own first episodes are pinned with the data
 */
public record ContextPin(double share, int ownEpisodes) {
  /** Nothing pinned. */
  public static final ContextPin NONE = new ContextPin(0, 0);

  public ContextPin {
    if (!(share >= 0 && share < 1)) {
      throw new IllegalArgumentException("pinned share must be in [0, 1), got " + share);
    }
    if (ownEpisodes < 0) {
      throw new IllegalArgumentException("pinned own episodes must be >= 0, got " + ownEpisodes);
    }
  }

  /** The context data (and nothing of the agent's own) in at most {@code share} of the context. */
  public static ContextPin data(double share) {
    return new ContextPin(share, 0);
  }

  /** Whether anything is pinned. */
  public boolean pins() {
    return share > 0;
  }
}
