package org.sparkgd.stats;

/**
 * The benchmark's way to a chosen per-partition kernel of {@link QrAccumulator} (the product
 * picks by width alone): AS 274 rotations, or Householder blocks of given rows and panel.
 */
public final class QrKernelChoice {
  private QrKernelChoice() {}

  public static QrAccumulator givens(int features) {
    return new QrAccumulator(features, false, 0, HouseholderBlocks.PANEL);
  }

  public static QrAccumulator blocked(int features, int blockRows, int panel) {
    return new QrAccumulator(features, false, blockRows, panel);
  }

  /** Brings buffered rows into the factor, as every partition does before it reports. */
  public static void settle(QrAccumulator qr) {
    qr.settle();
  }
}
