package org.sparkgd.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.UserError;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.Standardization;
import org.sparkgd.stats.ExactReference;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.engine.Refinement;
import org.sparkgd.optim.Penalty;
import org.sparkgd.stats.LeastSquaresFit;
import org.sparkgd.stats.QrAccumulator;
import org.sparkgd.stats.StandardizedScale;

/**
 * The exact reference of a fit and its original-scale least-squares fit: one pass for the QR
 * factor of the cached standardized rows, weighted, with or without the intercept column;
 * then refinement passes over the rows as read: two when the estimated error of the
 * original-scale coefficients says digits are at risk, else one for {@code --solver normal}
 * and none for a descent's reference.
 *
 * <p>Why refine against the input rather than a second cache, and when: the standardized
 * factor alone keeps 9.9 digits on a degree-5 polynomial but 2.7 on degree 10, and refining
 * against the standardized rows caps at 3.6 (their rounding is the limit), while two passes
 * over the original rows give 8.6 digits through the command line (16 on degree 5); the
 * estimate there says 0.065 and 2.3e-9, so both refine. A descent's reference on
 * well-conditioned data never pays for the passes (the bundled sample: estimated 7e-14), and
 * caching the original rows as well would double the memory of every fit for the rare one that
 * needs them. {@code --solver normal}, whose answer is the product, always takes one pass:
 * the factor alone kept 13.7 digits on the exact-solve benchmark's file where MLlib's normal
 * solver kept 13.8, and one pass over the rows as read gives the known solution exactly.
 *
 * @param reference the standardized-scale reference (θ refined when it was)
 * @param original the unpenalized fit on the original scale, with its covariance
 * @param weightSum Σw over the training rows (their count when unweighted)
 * @param warnings what the user should know about the digits
 */
record ExactAnswer(ExactReference reference, LeastSquaresFit original, double weightSum,
    List<String> warnings) {
  private static final Logger LOG = LoggerFactory.getLogger(ExactAnswer.class);
  /** Refine when a coefficient's estimated relative error exceeds this: 11 digits kept. */
  static final double DIGITS_AT_RISK = 1e-11;
  static final int REFINEMENT_PASSES = 2;
  /**
   * The widest design {@code --solver normal} takes, as MLlib's normal solver: at p = 4,096
   * columns each task holds the packed factor (p²/2 doubles, 67 MB) and the driver about eight
   * dense p×p arrays (the factor, its singular values' work copy, the covariance on both
   * scales: 1.1 GB) and spends about 5p³ = 3.4e11 flops on them (minutes at 1 to 2 GFlop/s).
   * Wider designs are for gradient descent.
   */
  static final int MAX_FEATURES = 4096;

  /** Fails with one line when {@code --solver normal} cannot take this many features. */
  static void checkWidth(int features) {
    if (features > MAX_FEATURES) {
      throw UserError.usage("--solver normal takes at most " + MAX_FEATURES + " features (the "
          + "QR factor and covariance are dense p×p on the driver), got " + features
          + ": use --solver gd");
    }
  }

  /**
   * @param originalRows re-reads the training rows as read, or null when they cannot be
   * @param isTheFit whether this answer is the fit itself ({@code --solver normal}), not a
   *     descent's reference
   */
  static ExactAnswer compute(LeastSquaresLoss loss, Penalty penalty, Standardization s,
      Supplier<JavaRDD<DataBlock>> originalRows, boolean isTheFit) {
    QrAccumulator factor = loss.factor();
    ExactReference reference = ExactReference.of(factor, penalty.l2(),
        penalty.l2() == penalty.lambda());
    LeastSquaresFit original = StandardizedScale.toOriginal(reference.fit(), s.featureMeans(),
        s.featureStds(), s.labelMean(), s.labelStd());
    List<String> warnings = new ArrayList<>();
    if (!penalty.isNone() || !(s.labelStd() > 0)) {
      return new ExactAnswer(reference, original, factor.weightSum(), warnings);
    }
    double risk = StandardizedScale.worstRelativeError(reference.fit(), original,
        frobeniusNorm(factor), s.labelStd());
    LOG.info("QR factor: condition number {} of the standardized design, estimated relative "
        + "error of the original-scale coefficients {}", reference.conditionNumber(), risk);
    int passes = risk > DIGITS_AT_RISK ? REFINEMENT_PASSES : isTheFit ? 1 : 0;
    boolean refining = passes > 0 && originalRows != null;
    Optional<LeastSquaresFit> refined = refining
        ? Refinement.refine(originalRows.get(), original, passes, factor.weightSum())
        : Optional.empty();
    if (refined.isPresent()) {
      original = refined.get();
      reference = reference.withTheta(StandardizedScale.toStandardized(original.coefficients(),
          s.featureMeans(), s.featureStds(), s.labelMean(), s.labelStd()));
      LOG.info("Refined against the original rows ({} {})", passes,
          passes == 1 ? "pass" : "passes");
      LOG.debug("Refined estimates {}", java.util.Arrays.toString(original.coefficients()));
    } else if (refining) {
      warnings.add("the input read again to refine the exact solution did not hold the rows "
          + "the QR factor was made of (another count or total weight: it changed during the "
          + "fit, or its source is not deterministic); the coefficients are the factor's, "
          + "not refined");
    }
    if (refined.isEmpty() && risk > DIGITS_AT_RISK) {
      warnings.add(String.format(Locale.ROOT, "the design is ill-conditioned (condition "
          + "number %.3g): the exact solution's coefficients may keep only about %.0f "
          + "significant digits", reference.conditionNumber(), -Math.log10(risk)));
    }
    return new ExactAnswer(reference, original, factor.weightSum(), warnings);
  }

  private static double frobeniusNorm(QrAccumulator factor) {
    double[][] cross = factor.crossProduct();
    double trace = 0;
    for (int j = 0; j < cross.length; j++) {
      trace += cross[j][j];
    }
    return Math.sqrt(trace);
  }
}
