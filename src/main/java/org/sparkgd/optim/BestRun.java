package org.sparkgd.optim;

import java.util.Comparator;
import java.util.List;

/** Which of a fit's runs it keeps: the lowest final objective among those that did not diverge. */
public final class BestRun {
  private BestRun() {}

  public static DescentResult of(List<DescentResult> results) {
    return results.stream()
        .min(Comparator.comparing((DescentResult r) -> r.stopReason() == StopReason.DIVERGED)
            .thenComparingDouble(r -> Double.isNaN(r.finalObjective())
                ? Double.POSITIVE_INFINITY : r.finalObjective()))
        .orElseThrow();
  }

}
