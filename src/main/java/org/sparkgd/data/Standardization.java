package org.sparkgd.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sparkgd.UserError;

/**
 * z = (x − mean) / std for each feature and the label, with the sample standard deviation. A
 * column of zero spread is mapped to 0, which keeps its coefficient at exactly 0.
 */
public record Standardization(double[] featureMeans, double[] featureStds, double labelMean,
    double labelStd) implements Serializable {

  /**
   * A column whose spread is below this fraction of its magnitude is constant up to rounding:
   * dividing by that spread would only amplify rounding errors.
   */
  private static final double RELATIVE_ZERO_SPREAD = 1e-13;

  /**
   * @param columns the features' names, then the label's, for errors
   * @throws UserError when a column's values are so large that its variance overflows
   */
  public static Standardization of(ColumnStatistics stats, List<String> columns) {
    int d = stats.columns() - 1;
    for (int c = 0; c <= d; c++) {
      if (!Double.isFinite(stats.mean(c)) || !Double.isFinite(stats.sampleStd(c))) {
        throw new UserError("column '" + columns.get(c) + "': its values are too large to "
            + "standardize (their variance overflows a double, about 1e308); rescale the column, "
            + "e.g. to thousands or millions");
      }
    }
    double[] means = new double[d];
    double[] stds = new double[d];
    for (int j = 0; j < d; j++) {
      means[j] = stats.mean(j);
      stds[j] = spreadOrZero(stats.sampleStd(j), means[j]);
    }
    return new Standardization(means, stds, stats.mean(d), spreadOrZero(stats.sampleStd(d),
        stats.mean(d)));
  }

  /**
   * For a fit through the origin: no centering (means 0), each column scaled by its root mean
   * square, so that a row of zeros still predicts 0.
   */
  public static Standardization uncentered(ColumnStatistics stats, List<String> columns) {
    of(stats, columns); // for its overflow checks
    int d = stats.columns() - 1;
    double[] scale = new double[d + 1];
    for (int c = 0; c <= d; c++) {
      double n = stats.count();
      double rms = Math.sqrt(stats.sampleStd(c) * stats.sampleStd(c) * ((n - 1) / n)
          + stats.mean(c) * stats.mean(c));
      scale[c] = Double.isFinite(rms) ? rms : 0;
    }
    return new Standardization(new double[d], java.util.Arrays.copyOf(scale, d), 0, scale[d]);
  }

  private static double spreadOrZero(double std, double mean) {
    return std <= RELATIVE_ZERO_SPREAD * Math.abs(mean) ? 0.0 : std;
  }

  public int numFeatures() {
    return featureMeans.length;
  }

  /** Indices of features with zero spread: they cannot be standardized. */
  public List<Integer> constantFeatures() {
    List<Integer> constant = new ArrayList<>();
    for (int j = 0; j < featureStds.length; j++) {
      if (featureStds[j] == 0) {
        constant.add(j);
      }
    }
    return constant;
  }

  public boolean constantLabel() {
    return labelStd == 0;
  }

  /** A new block of standardized values; the input block is left as it is. */
  public DataBlock apply(DataBlock raw) {
    return standardize(raw, new double[raw.features().length], new double[raw.rows()]);
  }

  /** As {@link #apply}, writing over {@code raw}'s own arrays: for a block no one else holds. */
  public DataBlock applyInPlace(DataBlock raw) {
    return standardize(raw, raw.features(), raw.labels());
  }

  /** {@code raw} standardized into {@code z} and {@code t} (which may be its own arrays). */
  private DataBlock standardize(DataBlock raw, double[] z, double[] t) {
    int d = numFeatures();
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      scale[j] = featureStds[j] == 0 ? 0 : 1 / featureStds[j];
    }
    double labelScale = labelStd == 0 ? 0 : 1 / labelStd;
    double[] x = raw.features();
    double[] y = raw.labels();
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < d; j++) {
        z[i * d + j] = (x[i * d + j] - featureMeans[j]) * scale[j];
      }
      t[i] = (y[i] - labelMean) * labelScale;
    }
    return new DataBlock(d, z, t, raw.weights(), null);
  }
}
