package org.sparkgd.data;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Advertising-style rows (TV, radio, newspaper budgets → sales), shaped like the classic
 * 200-row data set. Row i depends only on the seed and i, so any slice of rows can be made on
 * any machine, in any order, and comes out the same.
 *
 * <pre>
 *   TV        ~ Uniform(0, 300)
 *   radio     ~ Uniform(0, 50)
 *   newspaper = |10 + 0.6·radio + 20·N(0,1)|        (correlated with radio, as in the real data)
 *   sales     = 2.9 + 0.046·TV + 0.19·radio + 0.002·newspaper + 1.5·N(0,1)
 * </pre>
 * Budgets are rounded to 0.1 and sales to 0.01, as in the published data.
 */
public final class AdvertisingGenerator implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final List<String> FEATURES = List.of("TV", "radio", "newspaper");
  public static final String LABEL = "sales";
  public static final double INTERCEPT = 2.9;
  public static final double[] COEFFICIENTS = {0.046, 0.19, 0.002};
  public static final double NOISE_STD = 1.5;

  private final long seed;

  public AdvertisingGenerator(long seed) {
    this.seed = seed;
  }

  /** Fills {@code row} with TV, radio, newspaper and sales of row {@code index}. */
  public void row(long index, double[] row) {
    SplittableRandom random = new SplittableRandom(Seeds.mix(seed, index));
    double tv = round(300 * random.nextDouble(), 10);
    double radio = round(50 * random.nextDouble(), 10);
    double newspaper = round(Math.abs(10 + 0.6 * radio + 20 * random.nextGaussian()), 10);
    double sales = INTERCEPT + COEFFICIENTS[0] * tv + COEFFICIENTS[1] * radio
        + COEFFICIENTS[2] * newspaper + NOISE_STD * random.nextGaussian();
    row[0] = tv;
    row[1] = radio;
    row[2] = newspaper;
    row[3] = round(sales, 100);
  }

  /** The generating model, written beside generated data. */
  public Map<String, Object> description(long rows) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("generator", getClass().getName());
    d.put("seed", seed);
    d.put("rows", rows);
    d.put("label", LABEL);
    d.put("features", FEATURES);
    d.put("true_intercept", INTERCEPT);
    d.put("true_coefficients", COEFFICIENTS);
    d.put("noise_std", NOISE_STD);
    d.put("formula", "TV~U(0,300); radio~U(0,50); newspaper=|10+0.6*radio+20*N(0,1)|; "
        + "sales=2.9+0.046*TV+0.19*radio+0.002*newspaper+1.5*N(0,1); budgets rounded to 0.1, "
        + "sales to 0.01");
    return d;
  }

  private static double round(double value, double scale) {
    return Math.round(value * scale) / scale;
  }
}
