package org.sparkgd.engine;

/**
 * The inner loop of every pass: over a run of rows of a packed block, adds Σ r², Σ r and
 * Σ r·z_j (residual r = θ_0 + θ·z − y) for one point θ to {@code sums[base]},
 * {@code sums[base + 1]}, {@code sums[base + 2 + j]}.
 *
 * <p>Written out for 1 to 4 features: a loop over a feature count the JIT compiler cannot see
 * keeps the partial sums in memory, and a whole batch iteration ran 36% slower with it (10
 * million rows × 3 features; 53% at 100 million; {@code scripts/bench --parts breakdown}). More
 * features go four rows at a time, row-major as the block is laid out, with the gradient sums of
 * a run in a scratch array of d doubles: a pass at d features costs about d times a one-feature
 * pass per row ({@code scripts/bench --parts width}).
 */
public final class ResidualSums {
  /** Rows a run of the many-feature loop sums apart before adding to {@code sums}. */
  public static final int RUN = 4096;

  private ResidualSums() {}

  /**
   * Rows [from, to) of a block.
   *
   * @param x row-major features, d a row
   * @param y labels
   * @param scratch {@link #scratch}(d): used only when d > 4
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

  /** The scratch array the loop at d features needs (null when it needs none). */
  public static double[] scratch(int d) {
    return d > 4 ? new double[d] : null;
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
   * Rows [from, to), d > 4, four rows at a time: their residuals as four independent sums over
   * the row (each in the order of the other loops, ((θ_0 + θ_1 z_1) + …) − y), then one pass
   * over the features adds the four rows' r·z_j to each gradient sum in row order. Both inner
   * loops read the rows in memory order. Neither vectorizes in JDK 17's C2 (a fixed-order sum;
   * a store into g that might alias x): docs/benchmark-width.md has the measurements.
   * The sums are those of a row-at-a-time loop, bit for bit, at any width.
   */
  private static void addRun(double[] x, double[] y, int from, int to, int d, double[] theta,
      double[] sums, int base, double[] g) {
    java.util.Arrays.fill(g, 0, d, 0);
    double b = theta[0];
    double sq = 0;
    double s0 = 0;
    int i = from;
    for (; i + 4 <= to; i += 4) {
      int o0 = i * d;
      int o1 = o0 + d;
      int o2 = o1 + d;
      int o3 = o2 + d;
      double r0 = b;
      double r1 = b;
      double r2 = b;
      double r3 = b;
      for (int j = 0; j < d; j++) {
        double t = theta[j + 1];
        r0 += t * x[o0 + j];
        r1 += t * x[o1 + j];
        r2 += t * x[o2 + j];
        r3 += t * x[o3 + j];
      }
      double v0 = r0 - y[i];
      double v1 = r1 - y[i + 1];
      double v2 = r2 - y[i + 2];
      double v3 = r3 - y[i + 3];
      sq = sq + v0 * v0 + v1 * v1 + v2 * v2 + v3 * v3;
      s0 = s0 + v0 + v1 + v2 + v3;
      for (int j = 0; j < d; j++) {
        g[j] = g[j] + v0 * x[o0 + j] + v1 * x[o1 + j] + v2 * x[o2 + j] + v3 * x[o3 + j];
      }
    }
    for (; i < to; i++) {
      int o = i * d;
      double r = b;
      for (int j = 0; j < d; j++) {
        r += theta[j + 1] * x[o + j];
      }
      double v = r - y[i];
      sq += v * v;
      s0 += v;
      for (int j = 0; j < d; j++) {
        g[j] += v * x[o + j];
      }
    }
    sums[base] += sq;
    sums[base + 1] += s0;
    for (int j = 0; j < d; j++) {
      sums[base + 2 + j] += g[j];
    }
  }
}
