package org.sparkgd.optim;

import java.util.Comparator;
import java.util.List;

/**
 * Which of a fit's runs it keeps: among those that did not diverge, the lowest final objective;
 * runs whose objectives agree to {@link #SAME_OBJECTIVE} (relative) reached the same optimum,
 * and the one that took the fewest updates is kept. (A sweep's runs that meet the exact stop
 * rule differ only in rounding, far below that; a run still descending differs far above it.)
 */
public final class BestRun {
  /** Objectives this close, relative to the lowest, are the same optimum. */
  static final double SAME_OBJECTIVE = 1e-12;

  private BestRun() {}

  public static DescentResult of(List<DescentResult> results) {
    Comparator<DescentResult> divergedLast =
        Comparator.comparing(r -> r.stopReason() == StopReason.DIVERGED);
    DescentResult lowest = results.stream()
        .min(divergedLast.thenComparingDouble(BestRun::objective)).orElseThrow();
    double bound = objective(lowest) + SAME_OBJECTIVE * Math.abs(objective(lowest));
    return results.stream()
        .filter(r -> divergedLast.compare(r, lowest) == 0 && objective(r) <= bound)
        .min(Comparator.comparingLong(DescentResult::updates)
            .thenComparingDouble(BestRun::objective))
        .orElseThrow();
  }

  private static double objective(DescentResult r) {
    return Double.isNaN(r.finalObjective()) ? Double.POSITIVE_INFINITY : r.finalObjective();
  }
}
