package org.sparkgd.stats;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Arrays;

/**
 * Rows folded into an upper-triangular R (c × c) a block at a time: R ← the R factor of
 * [R; B] for a block B of up to {@code capacity} buffered rows. Each Householder reflector is
 * [e_k; v_k] with v_k in B's rows alone, because R is already triangular (LAPACK's
 * {@code dtpqrt} with a dense B); a column panel of reflectors is gathered in
 * compact-WY form, I − V·T·Vᵀ, and applied to the trailing columns with two {@code dgemm}
 * calls (LAPACK's {@code dlarfb}), so nearly all flops are level 3, on the BLAS Spark ships
 * ({@code dev.ludovic.netlib}). About 2·c² flops a row, as a row of Givens rotations.
 */
final class HouseholderBlocks {
  /** Reflectors per compact-WY panel and rows per fold (docs/benchmark-qr-kernels.md). */
  static final int PANEL = 32;
  static final int ROWS = 1024;

  private static final BLAS BLAS = dev.ludovic.netlib.blas.BLAS.getInstance();

  /**
   * Whether the BLAS that loaded makes the level-3 route pay: its vector build (Java's
   * {@code jdk.incubator.vector} module, which Spark 4's spark-submit adds) or a native one. On the
   * scalar Java loops it loads otherwise, dgemm is only 1.3–2.2× the rotations and this kernel
   * measured 0.87–1.37× them (docs/benchmark-qr-kernels.md), so {@link QrAccumulator} keeps
   * the rotations there.
   */
  static final boolean PAYS = BLAS instanceof dev.ludovic.netlib.blas.NativeBLAS
      || BLAS.getClass().getSimpleName().equals("VectorBLAS");

  private final int c;
  private final int capacity;
  private final int panel;
  /** R, column-major c × c; only its upper triangle is used. */
  private final double[] r;
  /** The buffered rows, column-major capacity × c: after a fold, its leading columns hold the
   * reflectors' v parts. */
  private final double[] block;
  private final double[] tau;
  /** The panel's T (panel × panel, upper triangular), W = Vᵀ·C and Tᵀ·W. */
  private final double[] t;
  private final double[] w;
  private final double[] tw;
  /** The panel's V_B transposed, panel × capacity. */
  private final double[] vt;
  private int rows;
  private boolean empty = true;

  /** For c columns (the last one the label), folding every {@code capacity} rows in panels
   * of {@code panel} reflectors. */
  HouseholderBlocks(int columns, int capacity, int panel) {
    this.c = columns;
    this.capacity = capacity;
    this.panel = panel;
    r = new double[c * c];
    block = new double[capacity * c];
    tau = new double[panel];
    t = new double[panel * panel];
    w = new double[panel * c];
    tw = new double[panel * c];
    vt = new double[panel * capacity];
  }

  /** Buffers √w·[x, y] (x the first c − 1 values of {@code x}); folds the block when full. */
  void append(double[] x, double y, double weight) {
    double s = Math.sqrt(weight);
    for (int j = 0; j < c - 1; j++) {
      block[rows + j * capacity] = s * x[j];
    }
    block[rows + (c - 1) * capacity] = s * y;
    if (++rows == capacity) {
      fold();
    }
  }

  /**
   * Moves what this holds into an AS 274 factor (row i of R included from column i on, weight
   * 1, its last entry as the label) and starts again from R = 0. Into an empty factor this is
   * only a rescaling: D_i = R_ii², R̄_ij = R_ij / R_ii.
   */
  void drainInto(TriangularFactor factor, double[] row) {
    fold();
    if (empty) {
      return;
    }
    for (int i = 0; i < c; i++) {
      Arrays.fill(row, 0, i, 0);
      for (int j = i; j < c - 1; j++) {
        row[j] = r[i + j * c];
      }
      factor.include(row, r[i + (c - 1) * c], 1, i);
    }
    Arrays.fill(r, 0);
    empty = true;
  }

  /** R ← the R factor of [R; the buffered rows], panel by panel. */
  private void fold() {
    if (rows == 0) {
      return;
    }
    for (int k0 = 0; k0 < c; k0 += panel) {
      int kb = Math.min(panel, c - k0);
      factorPanel(k0, kb);
      if (k0 + kb < c) {
        applyPanel(k0, kb);
      }
    }
    rows = 0;
    empty = false;
  }

  /** Level 2 within the panel: each reflector, its effect on the panel's later columns, and
   * T's column (LAPACK's {@code dtpqrt2} and {@code dlarft}). */
  private void factorPanel(int k0, int kb) {
    int m = rows;
    for (int i = 0; i < kb; i++) {
      int k = k0 + i;
      int v = k * capacity;
      double alpha = r[k + k * c];
      double norm = BLAS.dnrm2(m, block, v, 1);
      double h = 0;
      if (norm != 0) {
        double beta = -Math.copySign(Math.hypot(alpha, norm), alpha);
        h = (beta - alpha) / beta;
        BLAS.dscal(m, 1 / (alpha - beta), block, v, 1);
        r[k + k * c] = beta;
      }
      tau[i] = h;
      int later = kb - i - 1;
      if (h != 0 && later > 0) {
        // w_j = R_kj + v·B_j, then R_kj −= τ·w_j and B_j −= τ·w_j·v over the panel's columns.
        for (int j = 0; j < later; j++) {
          w[j] = r[k + (k + 1 + j) * c];
        }
        BLAS.dgemv("T", m, later, 1.0, block, v + capacity, capacity, block, v, 1, 1.0, w, 0,
            1);
        for (int j = 0; j < later; j++) {
          r[k + (k + 1 + j) * c] -= h * w[j];
        }
        BLAS.dger(m, later, -h, block, v, 1, w, 0, 1, block, v + capacity, capacity);
      }
      // T[0:i, i] = −τ_i · T[0:i, 0:i] · (V_B[:, 0:i]ᵀ v_i); the identity parts are orthogonal.
      int col = i * panel;
      if (i > 0) {
        BLAS.dgemv("T", m, i, -h, block, k0 * capacity, capacity, block, v, 1, 0.0, t, col, 1);
        BLAS.dtrmv("U", "N", "N", i, t, 0, panel, t, col, 1);
      }
      t[col + i] = h;
    }
  }

  /** Level 3 on the trailing columns C = [R rows k0…; B]: C ← (I − V·Tᵀ·Vᵀ)·C. */
  private void applyPanel(int k0, int kb) {
    int j0 = k0 + kb;
    int n = c - j0;
    for (int j = 0; j < n; j++) {
      System.arraycopy(r, k0 + (j0 + j) * c, w, j * kb, kb);
    }
    // Vᵀ copied out so that both products are "N", "N": the Java BLAS's "T" form is a
    // dot-product loop, measured at half the speed.
    for (int i = 0; i < kb; i++) {
      for (int row = 0; row < rows; row++) {
        vt[i + row * kb] = block[row + (k0 + i) * capacity];
      }
    }
    BLAS.dgemm("N", "N", kb, n, rows, 1.0, vt, 0, kb, block, j0 * capacity, capacity, 1.0, w,
        0, kb);
    // Tᵀ·W as a dgemm on T's full square (zero below its diagonal): BLAS's dtrmm here is the
    // reference Fortran translation, far slower.
    BLAS.dgemm("T", "N", kb, n, kb, 1.0, t, 0, panel, w, 0, kb, 0.0, tw, 0, kb);
    for (int j = 0; j < n; j++) {
      int top = k0 + (j0 + j) * c;
      for (int i = 0; i < kb; i++) {
        r[top + i] -= tw[i + j * kb];
      }
    }
    BLAS.dgemm("N", "N", rows, n, kb, -1.0, block, k0 * capacity, capacity, tw, 0, kb, 1.0,
        block, j0 * capacity, capacity);
  }
}
