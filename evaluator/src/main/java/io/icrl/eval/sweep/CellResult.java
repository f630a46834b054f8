package io.icrl.eval.sweep;

import java.util.List;

/** The episodes of one finished cell, in order. */
public record CellResult(Cell cell, List<EpisodeRecord> episodes) {
  public CellResult {
    episodes = List.copyOf(episodes);
  }
}
