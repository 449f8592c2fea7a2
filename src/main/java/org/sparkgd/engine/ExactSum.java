package org.sparkgd.engine;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A sum of doubles kept exactly, so it does not depend on the order of the additions.
 * Spark merges partitions' partial sums in the order their tasks finish; with plain doubles
 * that order shows in the last bits, and a fit would not repeat bit for bit. Non-finite terms
 * are summed apart: their double sum (NaN or ±∞) is order-independent too.
 */
public final class ExactSum implements Serializable {
  private static final long serialVersionUID = 1L;

  private BigDecimal finite = BigDecimal.ZERO;
  private double nonFinite;

  public ExactSum add(double value) {
    if (Double.isFinite(value)) {
      if (value != 0) {
        finite = finite.add(new BigDecimal(value));
      }
    } else {
      nonFinite += value;
    }
    return this;
  }

  public ExactSum add(ExactSum other) {
    finite = finite.add(other.finite);
    nonFinite += other.nonFinite;
    return this;
  }

  /** The sum rounded once to the nearest double. */
  public double doubleValue() {
    return nonFinite != 0 || Double.isNaN(nonFinite) ? nonFinite : finite.doubleValue();
  }
}
