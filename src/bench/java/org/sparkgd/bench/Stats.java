package org.sparkgd.bench;

import java.util.Arrays;

/** Median and quantiles of a sample (the nearest-rank quantile, no interpolation). */
final class Stats {
  private Stats() {}

  static double median(double[] values) {
    return new Timing(values).median();
  }

  /** The smallest value with at least {@code q} of the sample at or below it. */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
