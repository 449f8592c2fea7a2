package org.sparkgd.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InferenceTest {

  /** ISLR (2nd ed.) Table 3.4 and the text around it, at the digits printed there. */
  @Test
  void advertisingReproducesTheBooksTable() {
    AdvertisingRows data = new AdvertisingRows();
    Inference inference = Inference.of(data.fit(), AdvertisingRows.TERMS);
    double[] stdErrors = {0.3119, 0.0014, 0.0086, 0.0059};
    double[] tValues = {9.42, 32.81, 21.89, -0.18};
    for (int j = 0; j < 4; j++) {
      TermInference term = inference.terms().get(j);
      assertEquals(stdErrors[j], term.stdError(), 0.5e-4, term.term());
      assertEquals(tValues[j], term.tValue(), 0.5e-2, term.term());
    }
    assertEquals(0.8599, inference.terms().get(3).pValue(), 0.5e-4);
    assertEquals(1.686, inference.residualStdError(), 0.5e-3);
    assertEquals(196, inference.dfResidual());
    assertEquals(0.897, inference.rSquared(), 0.5e-3);
    assertEquals(570, inference.fStatistic(), 0.5);
    assertEquals(3, inference.fNumeratorDf());
  }

  /** R 4.x, summary(lm(sales ~ TV + radio + newspaper)) and confint(): more digits. */
  @Test
  void advertisingMatchesRsDigits() {
    Inference inference = Inference.of(new AdvertisingRows().fit(), AdvertisingRows.TERMS);
    TermInference intercept = inference.terms().get(0);
    assertEquals(2.938889, intercept.estimate(), 0.5e-6);
    assertEquals(0.311908, intercept.stdError(), 0.5e-6);
    assertEquals(9.422, intercept.tValue(), 0.5e-3);
    assertEquals(-0.001037, inference.terms().get(3).estimate(), 0.5e-6);
    assertEquals(0.005871, inference.terms().get(3).stdError(), 0.5e-6);
    assertEquals(0.8972, inference.rSquared(), 0.5e-4);
    assertEquals(0.8956, inference.adjustedRSquared(), 0.5e-4);
    assertEquals(570.3, inference.fStatistic(), 0.05);
    assertTrue(inference.fPValue() < 2.2e-16);
    assertTrue(inference.terms().get(1).pValue() < 2e-16);
    // qt(0.975, 196) = 1.972141
    for (TermInference term : inference.terms()) {
      assertEquals(1.972141, (term.ciHigh() - term.estimate()) / term.stdError(), 1e-6);
      assertEquals(1.972141, (term.estimate() - term.ciLow()) / term.stdError(), 1e-6);
    }
  }

  @Test
  void theStandardizedFactorMappedBackGivesTheSameInference() {
    AdvertisingRows data = new AdvertisingRows();
    int n = data.y.length;
    double[] means = new double[3];
    double[] stds = new double[3];
    for (int j = 0; j < 3; j++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = data.x[i][j];
      }
      means[j] = mean(column);
      stds[j] = std(column, means[j]);
    }
    double my = mean(data.y);
    double sy = std(data.y, my);
    QrAccumulator qr = new QrAccumulator(3, true);
    for (int i = 0; i < n; i++) {
      double[] z = new double[3];
      for (int j = 0; j < 3; j++) {
        z[j] = (data.x[i][j] - means[j]) / stds[j];
      }
      qr.add(z, (data.y[i] - my) / sy, 1);
    }
    LeastSquaresFit mapped = StandardizedScale.toOriginal(qr.solve(), means, stds, my, sy);
    Inference a = Inference.of(mapped, AdvertisingRows.TERMS);
    Inference b = Inference.of(data.fit(), AdvertisingRows.TERMS);
    for (int j = 0; j < 4; j++) {
      TermInference ta = a.terms().get(j);
      TermInference tb = b.terms().get(j);
      assertEquals(tb.estimate(), ta.estimate(), 1e-12 * Math.abs(tb.estimate()));
      assertEquals(tb.stdError(), ta.stdError(), 1e-12 * tb.stdError());
      assertEquals(tb.pValue(), ta.pValue(), 1e-10);
    }
    assertEquals(b.rSquared(), a.rSquared(), 1e-14);
    assertEquals(b.fStatistic(), a.fStatistic(), 1e-11 * b.fStatistic());
  }

  @Test
  void weightedFitAgainstAnExactOracle() {
    SplittableRandom random = new SplittableRandom(5);
    int n = 40;
    double[][] x = new double[n][2];
    double[][] design = new double[n][3];
    double[] y = new double[n];
    double[] w = new double[n];
    QrAccumulator qr = new QrAccumulator(2, true);
    for (int i = 0; i < n; i++) {
      x[i][0] = random.nextDouble(0, 10);
      x[i][1] = random.nextDouble(-5, 5);
      design[i] = new double[] {1, x[i][0], x[i][1]};
      y[i] = 1 + 0.3 * x[i][0] + random.nextGaussian();
      w[i] = i < 4 ? 0 : random.nextDouble(0.2, 5);
      qr.add(x[i], y[i], w[i]);
    }
    Inference inference = Inference.of(qr.solve(), List.of(Inference.INTERCEPT, "a", "b"));
    ExactNormalEquations exact = new ExactNormalEquations(design, y, w);
    long df = n - 4 - 3;
    double sigma2 = exact.rss / df;
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < n; i++) {
      sw += w[i];
      swy += w[i] * y[i];
    }
    double tss = 0;
    for (int i = 0; i < n; i++) {
      tss += w[i] * (y[i] - swy / sw) * (y[i] - swy / sw);
    }
    assertEquals(df, inference.dfResidual());
    for (int j = 0; j < 3; j++) {
      assertEquals(Math.sqrt(sigma2 * exact.inverse[j][j]),
          inference.terms().get(j).stdError(), 1e-11);
    }
    double r2 = 1 - exact.rss / tss;
    assertEquals(r2, inference.rSquared(), 1e-12);
    assertEquals(1 - (1 - r2) * (n - 4 - 1) / df, inference.adjustedRSquared(), 1e-12);
    assertEquals((tss - exact.rss) / 2 / sigma2, inference.fStatistic(), 1e-9);
  }

  @Test
  void withoutInterceptRSquaredIsUncenteredAndFHasRankDegreesOfFreedom() {
    double[] x = {1, 2, 3, 4};
    double[] y = {2, 3, 7, 8};
    QrAccumulator qr = new QrAccumulator(1, false);
    for (int i = 0; i < 4; i++) {
      qr.add(new double[] {x[i]}, y[i], 1);
    }
    Inference inference = Inference.of(qr.solve(), List.of("x"));
    // b = Σxy/Σx² = 61/30; RSS = Σy² − (Σxy)²/Σx² = 126 − 3721/30 = 59/30; R² = 1 − RSS/Σy².
    double rss = 59.0 / 30;
    assertEquals(61.0 / 30, inference.terms().get(0).estimate(), 1e-14);
    assertEquals(1 - rss / 126, inference.rSquared(), 1e-14);
    assertEquals(1 - (rss / 126) * 4 / 3, inference.adjustedRSquared(), 1e-14);
    assertEquals(1, inference.fNumeratorDf());
    assertEquals(3, inference.dfResidual());
    assertEquals((126 - rss) / (rss / 3), inference.fStatistic(), 1e-11);
    assertEquals(Math.sqrt(rss / 3 / 30), inference.terms().get(0).stdError(), 1e-14);
  }

  @Test
  void anAliasedTermHasNoNumbersAndDoesNotCountInTheRank() {
    QrAccumulator qr = new QrAccumulator(2, true);
    double[] y = {1, 4, 2, 8, 5, 7};
    for (int i = 0; i < y.length; i++) {
      qr.add(new double[] {i, 2 * i}, y[i], 1);
    }
    Inference inference = Inference.of(qr.solve(), List.of(Inference.INTERCEPT, "x", "x2"));
    assertEquals(1, inference.aliasedCount());
    assertTrue(inference.terms().get(2).aliased());
    assertTrue(Double.isNaN(inference.terms().get(2).stdError()));
    assertEquals(4, inference.dfResidual());
    assertEquals(1, inference.fNumeratorDf());
  }

  @Test
  void tailProbabilitiesKeepTheirSmallValues() {
    assertEquals(1, Inference.twoSidedT(0, 10), 1e-15);
    assertEquals(0.05, Inference.twoSidedT(2.228138851986, 10), 1e-10);
    assertTrue(Inference.twoSidedT(100, 196) > 0, "not rounded to 0");
    assertEquals(0.05, Inference.upperF(3.8852938346, 2, 12), 1e-9);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double a : v) {
      s += a;
    }
    return s / v.length;
  }

  private static double std(double[] v, double m) {
    double s = 0;
    for (double a : v) {
      s += (a - m) * (a - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
