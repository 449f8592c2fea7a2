package org.sparkgd.stats;

import java.util.List;

/**
 * The coefficients table and fit statistics as R's {@code print(summary(lm(...)))} writes them
 * (without the call and the residual quantiles), so an analyst reads it at a glance:
 * <pre>
 * Coefficients:
 *              Estimate Std. Error t value Pr(&gt;|t|)
 * (Intercept)  2.938889   0.311908   9.422   &lt;2e-16 ***
 * ...
 * Residual standard error: 1.686 on 196 degrees of freedom
 * </pre>
 * Stars follow R's cut points (p ≤ 0.001 '***', ≤ 0.01 '**', ≤ 0.05 '*', ≤ 0.1 '.');
 * aliased terms print NA. Four significant digits, R's default.
 */
public final class SummaryTable {
  private static final int DIGITS = 4;
  private static final int TEST_DIGITS = 3;
  private static final String[] HEADERS = {"Estimate", "Std. Error", "t value", "Pr(>|t|)", ""};
  static final String LEGEND =
      "Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1";

  private SummaryTable() {}

  public static String format(Inference inference) {
    List<TermInference> terms = inference.terms();
    int n = terms.size();
    String[][] cells = new String[n][];
    String[] estimates = estimateAndErrorColumns(terms);
    double[] t = new double[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = roundTo(terms.get(i).tValue(), TEST_DIGITS);
      p[i] = terms.get(i).pValue();
    }
    String[] tText = RNumberFormat.format(t, DIGITS);
    String[] pText = RNumberFormat.formatPValues(p, TEST_DIGITS);
    for (int i = 0; i < n; i++) {
      cells[i] = new String[] {estimates[i], estimates[n + i], tText[i], pText[i],
          String.format("%-3s", stars(p[i]))};
    }
    StringBuilder out = new StringBuilder("Coefficients:");
    if (inference.aliasedCount() > 0) {
      out.append(" (").append(inference.aliasedCount())
          .append(" not defined because of singularities)");
    }
    out.append('\n');
    appendTable(out, terms, cells);
    out.append("---\n").append(LEGEND).append("\n\n");
    out.append("Residual standard error: ")
        .append(RNumberFormat.format(new double[] {
            RNumberFormat.signif(inference.residualStdError(), DIGITS)}, 7)[0].strip())
        .append(" on ").append(inference.dfResidual()).append(" degrees of freedom\n");
    if (inference.fNumeratorDf() > 0) {
      out.append("Multiple R-squared:  ")
          .append(RNumberFormat.formatG(inference.rSquared(), DIGITS))
          .append(",\tAdjusted R-squared:  ")
          .append(RNumberFormat.formatG(inference.adjustedRSquared(), DIGITS)).append(" \n")
          .append("F-statistic: ").append(RNumberFormat.formatG(inference.fStatistic(), DIGITS))
          .append(" on ").append(inference.fNumeratorDf()).append(" and ")
          .append(inference.dfResidual()).append(" DF,  p-value: ")
          .append(RNumberFormat.formatPValues(new double[] {inference.fPValue()}, DIGITS)[0])
          .append('\n');
    }
    return out.toString();
  }

  /**
   * R's printCoefmat: estimates and errors rounded together to the decimals the smallest
   * non-zero one needs for {@link #DIGITS} digits, then laid out as one column of numbers.
   * Entries 0..n−1 are the estimates, n..2n−1 the errors.
   */
  private static String[] estimateAndErrorColumns(List<TermInference> terms) {
    int n = terms.size();
    double[] both = new double[2 * n];
    double smallest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      both[i] = terms.get(i).estimate();
      both[n + i] = terms.get(i).stdError();
    }
    for (double v : both) {
      if (Double.isFinite(v) && v != 0) {
        smallest = Math.min(smallest, Math.abs(v));
      }
    }
    if (Double.isFinite(smallest)) {
      int decimals = Math.max(1, DIGITS - (1 + (int) Math.floor(Math.log10(smallest))));
      for (int k = 0; k < both.length; k++) {
        both[k] = roundTo(both[k], decimals);
      }
    }
    return RNumberFormat.format(both, DIGITS);
  }

  private static void appendTable(StringBuilder out, List<TermInference> terms,
      String[][] cells) {
    int nameWidth = 0;
    for (TermInference term : terms) {
      nameWidth = Math.max(nameWidth, term.term().length());
    }
    int[] widths = new int[HEADERS.length];
    for (int c = 0; c < HEADERS.length; c++) {
      widths[c] = HEADERS[c].length();
      for (String[] row : cells) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    out.append(" ".repeat(nameWidth));
    for (int c = 0; c < HEADERS.length; c++) {
      out.append(' ').append(RNumberFormat.pad(HEADERS[c], widths[c]));
    }
    out.append('\n');
    for (int i = 0; i < cells.length; i++) {
      out.append(String.format("%-" + nameWidth + "s", terms.get(i).term()));
      for (int c = 0; c < HEADERS.length; c++) {
        out.append(' ').append(RNumberFormat.pad(cells[i][c], widths[c]));
      }
      out.append('\n');
    }
  }

  /** R's significance stars for a p-value; blank for NA. */
  static String stars(double p) {
    if (Double.isNaN(p)) {
      return "";
    }
    return p <= 0.001 ? "***" : p <= 0.01 ? "**" : p <= 0.05 ? "*" : p <= 0.1 ? "." : " ";
  }

  private static double roundTo(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return v;
    }
    return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }
}
