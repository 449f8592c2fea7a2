package org.sparkgd.stats;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Least squares by an orthogonal row update, so the normal equations are never formed and the
 * digits of a badly conditioned design are kept: Alan Miller's AS 274, the square-root-free
 * Givens update of R's {@code biglm} ({@link TriangularFactor}). A row of weight w goes
 * into the factor of [X | y] in O(p²), as if scaled by √w; the intercept column, if any, is
 * column 0. From {@link #BLOCKED_FROM} columns on, when the BLAS is vectorized or native
 * ({@link HouseholderBlocks#PAYS}), rows are first folded a block at a time by Householder
 * reflectors on level-3 kernels ({@link HouseholderBlocks}), and that R joins the factor
 * once, before anything reads it or the accumulator is serialized.
 *
 * <p>Additive like an aggregator: {@link #add} per row (or {@link #addRows} per packed block)
 * inside a partition, {@link #merge} on the driver, {@link #solve} once at the end. The result
 * does not depend on how the rows were split, up to rounding (~1e-14 relative). For the last
 * digits on an ill-conditioned design, follow with {@link CorrectionSums} passes.
 */
public final class QrAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A column is aliased when its part not explained by earlier columns is below this fraction
   * of its norm: R's {@code lm.fit} tolerance. */
  public static final double ALIASING_TOLERANCE = 1e-7;

  /** Columns p (the intercept's included) from which blocked Householder beats the
   * rotations on a vectorized BLAS: 1.22–1.92× at p = 100–1000 (docs/benchmark-qr-kernels.md). */
  static final int BLOCKED_FROM = 100;

  private final int features;
  private final boolean intercept;
  private final TriangularFactor factor;
  /** Rows per Householder block, or 0 for rotations alone; reflectors per panel. */
  private final int blockRows;
  private final int panel;
  private long observations;
  /** Σw over the rows added: the cost's denominator. */
  private double weightSum;
  private transient double[] scratch;
  /** Rows folded but not yet in {@link #factor}; null when there are none. */
  private transient HouseholderBlocks blocks;

  public QrAccumulator(int features, boolean intercept) {
    this(features, intercept,
        HouseholderBlocks.PAYS && features + (intercept ? 1 : 0) >= BLOCKED_FROM
            ? HouseholderBlocks.ROWS : 0,
        HouseholderBlocks.PANEL);
  }

  /** With the kernel chosen: {@code blockRows} 0 for AS 274 rotations alone (tests, bench). */
  QrAccumulator(int features, boolean intercept, int blockRows, int panel) {
    if (features < 0) {
      throw new IllegalArgumentException("negative feature count " + features);
    }
    this.features = features;
    this.intercept = intercept;
    this.factor = new TriangularFactor(features + (intercept ? 1 : 0));
    this.blockRows = blockRows;
    this.panel = panel;
  }

  public int features() {
    return features;
  }

  public boolean intercept() {
    return intercept;
  }

  /** Rows added with w &gt; 0. */
  public long observations() {
    return observations;
  }

  /** Σw over the rows added (the row count when every weight is 1). */
  public double weightSum() {
    return weightSum;
  }

  /** Adds one row of features with its label and weight w ≥ 0 (0 leaves the fit unchanged). */
  public QrAccumulator add(double[] x, double y, double w) {
    PackedRows.one(features, x, y, w, this::include);
    return this;
  }

  /** Adds packed rows as {@code DataBlock} holds them (row i's feature j at i·features + j),
   * all of weight 1. */
  public QrAccumulator addRows(double[] packedFeatures, double[] labels) {
    return addRows(packedFeatures, labels, null);
  }

  /** As {@link #addRows(double[], double[])} with each row's weight, or null for all 1. */
  public QrAccumulator addRows(double[] packedFeatures, double[] labels, double[] weights) {
    PackedRows.all(features, packedFeatures, labels, weights, this::include);
    return this;
  }

  private void include(double[] values, int offset, double y, double w) {
    double[] row = scratch();
    int first = 0;
    if (intercept) {
      row[first++] = 1;
    }
    System.arraycopy(values, offset, row, first, features);
    observations++;
    weightSum += w;
    if (blockRows == 0) {
      factor.include(row, y, w, 0);
      return;
    }
    if (blocks == null) {
      blocks = new HouseholderBlocks(factor.p + 1, blockRows, panel);
    }
    blocks.append(row, y, w);
  }

  /** Moves the rows folded by blocks into the factor: before the factor is read. */
  void settle() {
    if (blocks != null) {
      blocks.drainInto(factor, scratch());
      blocks = null;
    }
  }

  /** The buffered rows travel inside the factor, so a partition's result is only the factor. */
  private void writeObject(ObjectOutputStream out) throws IOException {
    settle();
    out.defaultWriteObject();
  }

  /**
   * Ridge by data augmentation: one row √w·e_j with label 0 per feature column (not the
   * intercept), so the factor solves min ‖y − Xβ‖² + w‖β_features‖². Not counted as
   * observations.
   */
  public QrAccumulator addRidge(double w) {
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException("a ridge weight must be finite and ≥ 0, got " + w);
    }
    settle();
    double[] row = scratch();
    for (int j = intercept ? 1 : 0; j < factor.p && w > 0; j++) {
      java.util.Arrays.fill(row, 0);
      row[j] = 1;
      factor.include(row, 0, w, j);
    }
    return this;
  }

  /** XᵀWX of the rows so far, every column (aliased ones too), from the factor: R̄ᵀDR̄. */
  public double[][] crossProduct() {
    settle();
    return factor.crossProduct();
  }

  /**
   * R with RᵀR = XᵀWX, column-major and square: over every column, or over the columns
   * {@link #solve} keeps (the factor of those alone, once the aliased ones are rotated out).
   */
  double[] upperTriangle(boolean withoutAliased) {
    settle();
    TriangularFactor f = factor;
    boolean[] drop = new boolean[factor.p];
    if (withoutAliased) {
      f = factor.copy();
      drop = f.dropAliasedColumns(ALIASING_TOLERANCE, scratch());
    }
    return f.upper(drop);
  }

  /** An independent copy (the copy's changes leave this one as it is). */
  public QrAccumulator copy() {
    QrAccumulator c = new QrAccumulator(features, intercept, blockRows, panel);
    c.merge(this);
    return c;
  }

  /** Rotates the other's factor in and adds its row count; the other is left as it is (its
   * buffered rows join its own factor first). */
  public QrAccumulator merge(QrAccumulator other) {
    if (other.features != features || other.intercept != intercept) {
      throw new IllegalArgumentException("cannot merge a factor of " + other.features
          + " features (intercept " + other.intercept + ") into one of " + features
          + " (intercept " + intercept + ")");
    }
    settle();
    other.settle();
    factor.merge(other.factor, scratch());
    observations += other.observations;
    weightSum += other.weightSum;
    return this;
  }

  /**
   * The least-squares fit of the rows so far, with aliased columns left out as R's
   * {@code lm} does. This accumulator is left as it is: more rows may be added.
   */
  public LeastSquaresFit solve() {
    settle();
    TriangularFactor f = factor.copy();
    boolean[] aliased = f.dropAliasedColumns(ALIASING_TOLERANCE, scratch());
    double total = intercept && aliased[0] ? Double.NaN
        : f.residualSumOfSquaresOfFirst(intercept ? 1 : 0);
    return new LeastSquaresFit(f.coefficients(aliased), aliased, f.residualSumOfSquares(),
        f.unscaledCovariance(aliased), observations, total, intercept);
  }

  private double[] scratch() {
    if (scratch == null) {
      scratch = new double[factor.p];
    }
    return scratch;
  }
}
