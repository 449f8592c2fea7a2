package org.sparkgd.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers written as R writes them, so a printout reads like {@code summary(lm(...))}:
 * {@code format(x, digits)} (one common fixed or scientific layout for a column, the fewer
 * characters winning), {@code format.pval} and C's {@code %.*g} ({@code formatC}).
 */
final class RNumberFormat {
  /** R's {@code .Machine$double.eps}: smaller p-values print as "&lt; 2.2e-16". */
  static final double EPS = Math.ulp(1.0);

  private RNumberFormat() {}

  /**
   * R's {@code format(values, digits = digits)}: enough significant digits (at most
   * {@code digits}) for every value, one layout for all, right-justified to one width; NaN is
   * "NA".
   */
  static String[] format(double[] values, int digits) {
    boolean negative = false;
    int left = 1;
    int right = 0;
    int mantissa = 1;
    int exponentWidth = 2;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        continue;
      }
      negative |= v < 0;
      if (v == 0) {
        continue;
      }
      BigDecimal rounded = round(v, digits);
      int significant = rounded.precision();
      int exponent = significant - rounded.scale() - 1;
      left = Math.max(left, exponent + 1);
      right = Math.max(right, significant - exponent - 1);
      mantissa = Math.max(mantissa, significant);
      exponentWidth = Math.max(exponentWidth, Math.abs(exponent) >= 100 ? 3 : 2);
    }
    int fixedWidth = (negative ? 1 : 0) + left + (right > 0 ? right + 1 : 0);
    int sciWidth = (negative ? 1 : 0) + (mantissa > 1 ? mantissa + 1 : 1) + 2 + exponentWidth;
    String[] out = new String[values.length];
    int width = 0;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        out[i] = "NA";
      } else if (Double.isInfinite(v)) {
        out[i] = v > 0 ? "Inf" : "-Inf";
      } else if (fixedWidth <= sciWidth) {
        out[i] = new BigDecimal(v).setScale(right, RoundingMode.HALF_EVEN).toPlainString();
      } else {
        out[i] = scientific(v, mantissa - 1, exponentWidth);
      }
      width = Math.max(width, out[i].length());
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = pad(out[i], width);
    }
    return out;
  }

  /** R's {@code format.pval(p, digits)} with eps = {@link #EPS}; each string unpadded. */
  static String[] formatPValues(double[] p, int digits) {
    String[] out = new String[p.length];
    int count = 0;
    int widest = 0;
    boolean anyTiny = false;
    for (boolean fixedLayout : new boolean[] {true, false}) {
      // Those of exponent ≥ −3 share one layout, the smaller ones another.
      double[] group = new double[p.length];
      int[] where = new int[p.length];
      int n = 0;
      for (int i = 0; i < p.length; i++) {
        boolean tiny = p[i] < EPS;
        anyTiny |= tiny;
        boolean fixedLike = p[i] == 0 || Math.floor(Math.log10(p[i])) >= -3;
        if (!Double.isNaN(p[i]) && !tiny && fixedLike == fixedLayout) {
          where[n] = i;
          group[n++] = p[i];
        }
      }
      String[] formatted = format(java.util.Arrays.copyOf(group, n), digits);
      for (int k = 0; k < n; k++) {
        out[where[k]] = formatted[k].strip();
        widest = Math.max(widest, out[where[k]].length());
        count++;
      }
    }
    if (anyTiny) {
      int tinyDigits = Math.max(1, digits - 2);
      if (count > 0 && tinyDigits > 1 && tinyDigits + 6 > widest) {
        tinyDigits = Math.max(1, widest - 7);
      }
      String sep = tinyDigits == 1 && (count == 0 || widest <= 6) ? "" : " ";
      String eps = format(new double[] {EPS}, tinyDigits)[0];
      for (int i = 0; i < p.length; i++) {
        if (p[i] < EPS) {
          out[i] = "<" + sep + eps;
        }
      }
    }
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        out[i] = "NA";
      }
    }
    return out;
  }

  /** C's {@code %.<digits>g}, as R's {@code formatC(x, digits = digits)}. */
  static String formatG(double x, int digits) {
    if (!Double.isFinite(x)) {
      return Double.isNaN(x) ? "NaN" : x > 0 ? "Inf" : "-Inf";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal rounded = round(x, digits);
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= digits) {
      return scientific(x, Math.max(0, rounded.stripTrailingZeros().precision() - 1), 2);
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** R's {@code signif(x, digits)}. */
  static double signif(double x, int digits) {
    return Double.isFinite(x) && x != 0 ? round(x, digits).doubleValue() : x;
  }

  private static BigDecimal round(double v, int digits) {
    return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN))
        .stripTrailingZeros();
  }

  private static String scientific(double v, int decimals, int exponentWidth) {
    String s = String.format(Locale.ROOT, "%." + decimals + "e", v);
    int e = s.indexOf('e');
    int exponent = Integer.parseInt(s.substring(e + 1));
    String digits = String.valueOf(Math.abs(exponent));
    while (digits.length() < exponentWidth) {
      digits = "0" + digits;
    }
    return s.substring(0, e) + "e" + (exponent < 0 ? "-" : "+") + digits;
  }

  static String pad(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }
}
