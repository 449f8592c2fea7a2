package org.sparkgd.bench;

import java.util.Arrays;

/** Repeated timings of one operation, in milliseconds; summarized by median, min and max. */
record Timing(double[] millis) {

  Timing {
    if (millis.length == 0) {
      throw new IllegalArgumentException("no repetitions");
    }
    millis = millis.clone();
  }

  /** Runs {@code operation} {@code warmup} times untimed, then times it {@code repetitions} times. */
  static Timing measure(int warmup, int repetitions, Runnable operation) {
    for (int i = 0; i < warmup; i++) {
      operation.run();
    }
    double[] millis = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      operation.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    return new Timing(millis);
  }

  double median() {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  double min() {
    return Arrays.stream(millis).min().getAsDouble();
  }

  double max() {
    return Arrays.stream(millis).max().getAsDouble();
  }

  int repetitions() {
    return millis.length;
  }

  /** Every sample scaled, e.g. milliseconds to seconds or to nanoseconds per row. */
  Timing scaled(double factor) {
    return new Timing(Arrays.stream(millis).map(m -> m * factor).toArray());
  }
}
