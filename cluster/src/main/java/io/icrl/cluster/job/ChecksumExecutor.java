package io.icrl.cluster.job;

import io.icrl.core.Seeds;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A cheap, deterministic executor for job kind {@value #KIND}: for every (seed, sequence) cell
 * of a unit it draws {@code stepsPerCell} numbers from {@code Seeds.derive(seed, "checksum",
 * sequence)} and folds them into a digest. Used to check a cluster end to end (every unit must
 * produce the same digest wherever and however often it runs) without data-synth.
 */
public final class ChecksumExecutor implements UnitExecutor {
  /** The job kind this executor runs. */
  public static final String KIND = "checksum";

  private final int stepsPerCell;

  public ChecksumExecutor(int stepsPerCell) {
    if (stepsPerCell <= 0) {
      throw new IllegalArgumentException("stepsPerCell must be positive");
    }
    this.stepsPerCell = stepsPerCell;
  }

  @Override
  public UnitResult execute(WorkUnit unit) {
    long digest = 0;
    for (long seed = unit.seedStart(); seed < unit.seedEnd(); seed++) {
      for (int q = unit.sequenceStart(); q < unit.sequenceEnd(); q++) {
        digest = digest * 31 + cell(seed, q);
      }
    }
    long steps = unit.cells() * stepsPerCell;
    return new UnitResult(steps, steps * Long.BYTES, List.of(), Long.toHexString(digest));
  }

  /** The checksum of one cell. */
  public long cell(long seed, int sequence) {
    SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, KIND, sequence));
    long acc = 0;
    for (int i = 0; i < stepsPerCell; i++) {
      acc ^= rng.nextLong() + i;
    }
    return acc;
  }
}
