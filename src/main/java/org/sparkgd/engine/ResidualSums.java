package org.sparkgd.engine;

/**
 * The inner loop of every pass: over a run of rows of a packed block, adds Σ r², Σ r and
 * Σ r·z_j (residual r = θ_0 + θ·z − y) for one point θ to {@code sums[base]},
 * {@code sums[base + 1]}, {@code sums[base + 2 + j]}.
 *
 * <p>Written out for 1 to 4 features: a loop over a feature count the JIT compiler cannot see
 * keeps the partial sums in memory, and a whole batch iteration ran 36% slower with it (10
 * million rows × 3 features; 53% at 100 million; {@code scripts/bench --parts breakdown}). More
 * features go through a residual scratch array in runs that stay in the L1 cache, so each pass
 * over the features is a plain, unrollable loop.
 */
public final class ResidualSums {
  /** Rows a run of the many-feature loop: its residuals (32 KiB) stay in the L1 cache. */
  public static final int RUN = 4096;

  private ResidualSums() {}

  /**
   * Rows [from, to) of a block.
   *
   * @param x row-major features, d a row
   * @param y labels
   * @param scratch at least {@link #RUN} doubles, used only when d > 4
   */
  public static void add(double[] x, double[] y, int from, int to, int d, double[] theta,
      double[] sums, int base, double[] scratch) {
    switch (d) {
      case 1 -> add1(x, y, from, to, theta, sums, base);
      case 2 -> add2(x, y, from, to, theta, sums, base);
      case 3 -> add3(x, y, from, to, theta, sums, base);
      case 4 -> add4(x, y, from, to, theta, sums, base);
      default -> {
        for (int start = from; start < to; start += RUN) {
          addRun(x, y, start, Math.min(to, start + RUN), d, theta, sums, base, scratch);
        }
      }
    }
  }

  /** Every row of a block. */
  public static void add(double[] x, double[] y, int d, double[] theta, double[] sums, int base,
      double[] scratch) {
    add(x, y, 0, y.length, d, theta, sums, base, scratch);
  }

  private static void add1(double[] x, double[] y, int from, int to, double[] theta,
      double[] sums, int base) {
    double b = theta[0];
    double t1 = theta[1];
    double sq = 0;
    double s0 = 0;
    double s1 = 0;
    for (int i = from; i < to; i++) {
      double x1 = x[i];
      double r = b + t1 * x1 - y[i];
      sq += r * r;
      s0 += r;
      s1 += r * x1;
    }
    sums[base] += sq;
    sums[base + 1] += s0;
    sums[base + 2] += s1;
  }

  private static void add2(double[] x, double[] y, int from, int to, double[] theta,
      double[] sums, int base) {
    double b = theta[0];
    double t1 = theta[1];
    double t2 = theta[2];
    double sq = 0;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    for (int i = from, o = from * 2; i < to; i++, o += 2) {
      double x1 = x[o];
      double x2 = x[o + 1];
      double r = b + t1 * x1 + t2 * x2 - y[i];
      sq += r * r;
      s0 += r;
      s1 += r * x1;
      s2 += r * x2;
    }
    sums[base] += sq;
    sums[base + 1] += s0;
    sums[base + 2] += s1;
    sums[base + 3] += s2;
  }

  private static void add3(double[] x, double[] y, int from, int to, double[] theta,
      double[] sums, int base) {
    double b = theta[0];
    double t1 = theta[1];
    double t2 = theta[2];
    double t3 = theta[3];
    double sq = 0;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int i = from, o = from * 3; i < to; i++, o += 3) {
      double x1 = x[o];
      double x2 = x[o + 1];
      double x3 = x[o + 2];
      double r = b + t1 * x1 + t2 * x2 + t3 * x3 - y[i];
      sq += r * r;
      s0 += r;
      s1 += r * x1;
      s2 += r * x2;
      s3 += r * x3;
    }
    sums[base] += sq;
    sums[base + 1] += s0;
    sums[base + 2] += s1;
    sums[base + 3] += s2;
    sums[base + 4] += s3;
  }

  private static void add4(double[] x, double[] y, int from, int to, double[] theta,
      double[] sums, int base) {
    double b = theta[0];
    double t1 = theta[1];
    double t2 = theta[2];
    double t3 = theta[3];
    double t4 = theta[4];
    double sq = 0;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    for (int i = from, o = from * 4; i < to; i++, o += 4) {
      double x1 = x[o];
      double x2 = x[o + 1];
      double x3 = x[o + 2];
      double x4 = x[o + 3];
      double r = b + t1 * x1 + t2 * x2 + t3 * x3 + t4 * x4 - y[i];
      sq += r * r;
      s0 += r;
      s1 += r * x1;
      s2 += r * x2;
      s3 += r * x3;
      s4 += r * x4;
    }
    sums[base] += sq;
    sums[base + 1] += s0;
    sums[base + 2] += s1;
    sums[base + 3] += s2;
    sums[base + 4] += s3;
    sums[base + 5] += s4;
  }

  /**
   * Rows [from, to), d > 4: residuals first, then one plain loop per feature; each residual is
   * summed in the same order as the other loops, ((θ_0 + θ_1 z_1) + …) − y.
   */
  private static void addRun(double[] x, double[] y, int from, int to, int d, double[] theta,
      double[] sums, int base, double[] r) {
    int n = to - from;
    double b = theta[0];
    java.util.Arrays.fill(r, 0, n, b);
    for (int j = 0; j < d; j++) {
      double t = theta[j + 1];
      for (int i = 0, o = from * d + j; i < n; i++, o += d) {
        r[i] += t * x[o];
      }
    }
    double sq = 0;
    double s0 = 0;
    for (int i = 0; i < n; i++) {
      double v = r[i] - y[from + i];
      r[i] = v;
      sq += v * v;
      s0 += v;
    }
    sums[base] += sq;
    sums[base + 1] += s0;
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (int i = 0, o = from * d + j; i < n; i++, o += d) {
        s += r[i] * x[o];
      }
      sums[base + 2 + j] += s;
    }
  }
}
