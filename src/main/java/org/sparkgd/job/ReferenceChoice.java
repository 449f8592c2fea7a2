package org.sparkgd.job;

import java.util.Locale;
import org.apache.spark.SparkConf;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.OptimizerKinds;

/**
 * Whether a fit computes the exact reference, and why, in a phrase the summary and model.json
 * show. {@code --reference auto} weighs its estimated cost against the descent it serves: the
 * QR pass costs about 2·n·p² flops on the executors plus about {@link #DRIVER_FLOPS_PER_P3}·p³
 * on the driver (eigenvalues, solve, condition number), at the measured rate, where a gradient
 * pass is a Spark job that reads 8·n·(p + 1) bytes; it is computed when it costs no more than
 * the planned passes (--max-iterations of them, over the mini-batch fraction of the rows), or
 * at most {@link #FREE_PASSES} full passes, and when its p × p matrices fit in half the smaller
 * of the driver's and executors' memory. The refinement's passes, which run only when the QR's
 * error estimate asks for them, are left out.
 *
 * @param on whether to compute it
 * @param reason why, for the summary: e.g. "auto: on, it costs about 15 data passes, within
 *     the planned descent's 1000"
 */
public record ReferenceChoice(boolean on, String reason) {
  /**
   * The QR pass's rate on this project's 2-core machine, as scripts/sparkgd runs a local fit
   * (the quick JIT, the plain-Java BLAS, so Givens rotations: {@code QrAccumulator}): a fresh
   * {@code sparkgd fit --reference on} of 10⁵ rows × 1,000 features factored its
   * 2·10⁵·1001² ≈ 2·10¹¹ flops in 45 s, and one of 10⁶ × 100 its 2·10¹⁰ in 5 s (issue 19
   * measured 4·10⁸ flops/s, row by row). Their refinements took another 15 s each: two passes
   * of compensated sums over the rows.
   */
  static final double QR_FLOPS_PER_SECOND = 4e9;
  /** A gradient pass's read rate, same machine (10⁷ rows × 3 features: 3.2·10⁸ B in 41 ms). */
  static final double PASS_BYTES_PER_SECOND = 6e9;
  /** A pass's fixed cost: a Spark job, its broadcast and its tasks (local, small data). */
  static final double PASS_OVERHEAD_SECONDS = 0.01;
  /** The driver's dense p × p work after the pass, in flops per p³, at the same rate. */
  static final double DRIVER_FLOPS_PER_P3 = 20;
  /** A reference this cheap is computed even for a short descent (gap, inference). */
  static final double FREE_PASSES = 100;
  /** Copies of a p × p matrix the factor, its merge and the driver's algebra hold at once. */
  static final int MATRIX_COPIES = 8;

  /**
   * @param rows the training rows n
   * @param features the features (p = features + 1 with the intercept)
   * @param memory the bytes the smaller of the driver's and executors' heaps holds
   */
  public static ReferenceChoice of(DescentOptions options, long rows, int features,
      long memory) {
    if (options.solver() == OptimizerKinds.Solver.NORMAL) {
      return new ReferenceChoice(true, "--solver normal");
    }
    return switch (options.reference()) {
      case ON -> new ReferenceChoice(true, "--reference on");
      case OFF -> new ReferenceChoice(false, "--reference off");
      case AUTO -> auto(options, rows, features, memory);
    };
  }

  private static ReferenceChoice auto(DescentOptions options, long rows, int features,
      long memory) {
    double p = features + 1.0;
    double matrixBytes = MATRIX_COPIES * 8 * p * p;
    if (matrixBytes > memory / 2.0) {
      return new ReferenceChoice(false, String.format(Locale.ROOT, "auto: off, its %d × %d "
          + "matrices need about %.0f MB, over half the %.0f MB heap", (long) p, (long) p,
          matrixBytes / 1e6, memory / 1e6));
    }
    double reference = referenceSeconds(rows, features);
    double pass = passSeconds(rows, features, 1);
    Double fraction = options.samplingFraction();
    double planned = options.maxIterations()
        * passSeconds(rows, features, fraction == null ? 1 : fraction);
    boolean on = reference <= Math.max(planned, FREE_PASSES * pass);
    return new ReferenceChoice(on, String.format(Locale.ROOT, "auto: %s, it costs about %s "
        + "data passes, %s the planned descent's %s", on ? "on" : "off",
        round(reference / pass), on ? "within" : "more than", round(planned / pass)));
  }

  /** The reference's estimated time: the QR pass and the driver's algebra. */
  static double referenceSeconds(long rows, int features) {
    double p = features + 1.0;
    return (2 * rows * p * p + DRIVER_FLOPS_PER_P3 * p * p * p) / QR_FLOPS_PER_SECOND;
  }

  /** A gradient pass's estimated time over the given fraction of the rows. */
  static double passSeconds(long rows, int features, double fraction) {
    return PASS_OVERHEAD_SECONDS + fraction * 8 * rows * (features + 1.0)
        / PASS_BYTES_PER_SECOND;
  }

  /** The heap both sides have: the driver's, and the executors' when they run apart. */
  public static long memory(SparkConf conf) {
    long driver = Runtime.getRuntime().maxMemory();
    if (conf.get("spark.master", "local").startsWith("local")) {
      return driver;
    }
    return Math.min(driver, conf.getSizeAsBytes("spark.executor.memory", "1g"));
  }

  private static String round(double v) {
    return v < 10 ? String.format(Locale.ROOT, "%.2g", v) : String.valueOf(Math.round(v));
  }
}
