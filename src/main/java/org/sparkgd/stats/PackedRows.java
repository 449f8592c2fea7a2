package org.sparkgd.stats;

/**
 * The row checks and the walk over packed rows that {@link QrAccumulator} and
 * {@link CorrectionSums} share: one row is (values from an offset, label, weight).
 */
final class PackedRows {
  /** What takes one checked row of positive weight. */
  interface Sink {
    void row(double[] values, int offset, double y, double w);
  }

  private PackedRows() {}

  static void one(int features, double[] x, double y, double w, Sink sink) {
    if (x.length != features) {
      throw new IllegalArgumentException("a row of " + x.length + " features for " + features);
    }
    weighted(x, 0, y, w, sink);
  }

  /**
   * Packed rows as {@code DataBlock} holds them (row i's feature j at i·features + j), with
   * their weights, or null for w = 1.
   */
  static void all(int features, double[] packedFeatures, double[] labels, double[] weights,
      Sink sink) {
    if (packedFeatures.length != (long) labels.length * features
        || weights != null && weights.length != labels.length) {
      throw new IllegalArgumentException(packedFeatures.length + " values and "
          + (weights == null ? "no" : weights.length) + " weights for " + labels.length
          + " rows × " + features + " features");
    }
    for (int i = 0; i < labels.length; i++) {
      if (weights == null) {
        sink.row(packedFeatures, i * features, labels[i], 1);
      } else {
        weighted(packedFeatures, i * features, labels[i], weights[i], sink);
      }
    }
  }

  /** Checks w (finite, ≥ 0) and passes the row on unless w = 0, which changes nothing. */
  private static void weighted(double[] values, int offset, double y, double w, Sink sink) {
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException("a weight must be finite and ≥ 0, got " + w);
    }
    if (w != 0) {
      sink.row(values, offset, y, w);
    }
  }
}
