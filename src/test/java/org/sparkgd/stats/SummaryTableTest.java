package org.sparkgd.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

  /** R 4.x, print(summary(lm(sales ~ TV + radio + newspaper, Advertising))), minus the call
   * and the residual quantiles. */
  @Test
  void advertisingPrintsAsR() {
    String expected = """
        Coefficients:
                     Estimate Std. Error t value Pr(>|t|)   \s
        (Intercept)  2.938889   0.311908   9.422   <2e-16 ***
        TV           0.045765   0.001395  32.809   <2e-16 ***
        radio        0.188530   0.008611  21.893   <2e-16 ***
        newspaper   -0.001037   0.005871  -0.177     0.86   \s
        ---
        Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1

        Residual standard error: 1.686 on 196 degrees of freedom
        Multiple R-squared:  0.8972,\tAdjusted R-squared:  0.8956 \n\
        F-statistic: 570.3 on 3 and 196 DF,  p-value: < 2.2e-16
        """;
    Inference inference = Inference.of(new AdvertisingRows().fit(), AdvertisingRows.TERMS);
    assertTrue(expected.contains("Pr(>|t|)    \n"), "trailing blanks kept, as R prints them");
    assertEquals(expected, SummaryTable.format(inference));
  }

  @Test
  void anAliasedTermPrintsNaAndTheCountOfSingularities() {
    QrAccumulator qr = new QrAccumulator(2, true);
    double[] y = {1, 4, 2, 8, 5, 7};
    for (int i = 0; i < y.length; i++) {
      qr.add(new double[] {i, 2 * i}, y[i], 1);
    }
    String text = SummaryTable.format(Inference.of(qr.solve(),
        List.of(Inference.INTERCEPT, "x", "I(2 * x)")));
    assertTrue(text.startsWith("Coefficients: (1 not defined because of singularities)\n"),
        text);
    assertTrue(text.contains("\nI(2 * x)          NA         NA      NA       NA    \n"), text);
  }

  @Test
  void starsFollowRsCutPoints() {
    assertEquals("***", SummaryTable.stars(1e-10));
    assertEquals("**", SummaryTable.stars(0.005));
    assertEquals("*", SummaryTable.stars(0.02));
    assertEquals(".", SummaryTable.stars(0.07));
    assertEquals(" ", SummaryTable.stars(0.5));
    assertEquals("", SummaryTable.stars(Double.NaN));
  }

  @Test
  void numbersAreWrittenAsRWritesThem() {
    // format(c(2.938889, 0.045765, -0.001037), digits = 4)
    assertArrayEquals(new String[] {" 2.938889", " 0.045765", "-0.001037"},
        RNumberFormat.format(new double[] {2.938889, 0.045765, -0.001037}, 4));
    // format(c(123456789, 1e-10), digits = 4) is scientific: shorter than fixed
    assertArrayEquals(new String[] {"1.235e+08", "1.000e-10"},
        RNumberFormat.format(new double[] {123456789, 1e-10}, 4));
    // format.pval(c(0.1, 0.0001, 1e-20), digits = 3)
    assertArrayEquals(new String[] {"0.1", "1e-04", "<2e-16"},
        RNumberFormat.formatPValues(new double[] {0.1, 0.0001, 1e-20}, 3));
    assertArrayEquals(new String[] {"< 2.2e-16"},
        RNumberFormat.formatPValues(new double[] {0}, 4));
    assertArrayEquals(new String[] {"0.8599"},
        RNumberFormat.formatPValues(new double[] {0.859915}, 4));
    assertEquals("0.8972", RNumberFormat.formatG(0.89721, 4));
    assertEquals("570.3", RNumberFormat.formatG(570.2707, 4));
    assertEquals("0.9", RNumberFormat.formatG(0.9, 4));
    assertEquals("1.235e+05", RNumberFormat.formatG(123456, 4));
  }
}
