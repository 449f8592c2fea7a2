package org.sparkgd.model;

import java.io.Serializable;

/**
 * How well a model fits some rows, on the original scale of the label: root mean squared error,
 * mean absolute error and R² = 1 − Σr² / Σ(y − ȳ)², with ȳ the mean of those same rows (as
 * Spark's {@code RegressionEvaluator} and scikit-learn's {@code r2_score}). R² is NaN when the
 * rows' label does not vary.
 */
public record RegressionMetrics(long rows, double rmse, double mae, double r2)
    implements Serializable {

  /**
   * The additive sums the metrics come from, for one partition or several merged: residuals
   * r = ŷ − y and label deviations d = y − c from a fixed reference c (the training mean),
   * which keeps Σd² − (Σd)²/n free of cancellation.
   */
  public static final class Sums implements Serializable {
    private static final long serialVersionUID = 1L;

    private long count;
    private double absoluteErrors;
    private double squaredErrors;
    private double deviations;
    private double squaredDeviations;
    /** Σ w over weighted rows (--weight); then the sums are weighted and divided by it. */
    private double weights;
    private boolean weighted;

    /** A row of weight w: each of its terms counts w times, as in R's weighted lm. */
    public Sums add(double residual, double deviation, double weight) {
      weighted = true;
      count++;
      weights += weight;
      absoluteErrors += weight * Math.abs(residual);
      squaredErrors += weight * residual * residual;
      deviations += weight * deviation;
      squaredDeviations += weight * deviation * deviation;
      return this;
    }

    /** False for a fit through the origin: R² = 1 − Σr² / Σy², uncentered, as R's lm. */
    private boolean centered = true;

    /** R² about 0 instead of about the mean (for a model without intercept). */
    public Sums uncentered() {
      centered = false;
      return this;
    }

    public Sums add(double residual, double deviation) {
      count++;
      absoluteErrors += Math.abs(residual);
      squaredErrors += residual * residual;
      deviations += deviation;
      squaredDeviations += deviation * deviation;
      return this;
    }

    public Sums merge(Sums other) {
      count += other.count;
      weights += other.weights;
      weighted |= other.weighted;
      absoluteErrors += other.absoluteErrors;
      squaredErrors += other.squaredErrors;
      deviations += other.deviations;
      squaredDeviations += other.squaredDeviations;
      return this;
    }

    /** The metrics, or null when there were no rows. */
    public RegressionMetrics metrics() {
      if (count == 0) {
        return null;
      }
      double n = weighted ? weights : count;
      double total = centered ? squaredDeviations - deviations * deviations / n
          : squaredDeviations;
      double r2 = total > 0 ? 1 - squaredErrors / total : Double.NaN;
      return new RegressionMetrics(count, Math.sqrt(squaredErrors / n),
          absoluteErrors / n, r2);
    }
  }
}
