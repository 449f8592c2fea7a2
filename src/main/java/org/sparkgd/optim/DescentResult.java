package org.sparkgd.optim;

import java.util.List;

/**
 * How a descent ended.
 *
 * @param theta the last evaluated θ (that of the last history row)
 * @param updates how many updates were applied
 */
public record DescentResult(double[] theta, List<IterationRecord> history, StopReason stopReason,
    long updates) {

  public double finalCost() {
    return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).cost();
  }
}
