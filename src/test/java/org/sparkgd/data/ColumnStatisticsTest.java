package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnStatisticsTest {
  private static DataBlock block(double[] x, double[] y) {
    return new DataBlock(1, x, y);
  }

  @Test
  void meanAndSampleStdMatchTwoPassFormulas() {
    double[] x = {1, 2, 3, 4, 10};
    double[] y = {2, 2, 2, 2, 7};
    ColumnStatistics s = new ColumnStatistics(2).add(block(x, y));
    assertEquals(4.0, s.mean(0), 1e-15);
    // pandas: pd.Series([1,2,3,4,10]).std() == 3.5355339059327378
    assertEquals(3.5355339059327378, s.sampleStd(0), 1e-14);
    assertEquals(3.0, s.mean(1), 1e-15);
    assertEquals(Math.sqrt(20.0 / 4), s.sampleStd(1), 1e-14);
  }

  @Test
  void mergingPartitionsGivesTheSameAsOnePass() {
    SplittableRandom random = new SplittableRandom(7);
    double[] x = new double[1000];
    double[] y = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian() * 3 + 5;
      y[i] = random.nextDouble();
    }
    ColumnStatistics whole = new ColumnStatistics(2).add(block(x, y));
    ColumnStatistics merged = new ColumnStatistics(2);
    for (int start = 0; start < x.length; start += 137) {
      int end = Math.min(x.length, start + 137);
      merged.merge(new ColumnStatistics(2).add(block(
          java.util.Arrays.copyOfRange(x, start, end), java.util.Arrays.copyOfRange(y, start, end))));
    }
    merged.merge(new ColumnStatistics(2));
    assertEquals(whole.count(), merged.count());
    for (int c = 0; c < 2; c++) {
      assertEquals(whole.mean(c), merged.mean(c), 1e-13 * Math.abs(whole.mean(c)));
      assertEquals(whole.sampleStd(c), merged.sampleStd(c), 1e-12 * whole.sampleStd(c));
    }
  }

  @Test
  void staysExactForALargeMeanAndSmallSpread() {
    // Sums of squares would lose every digit here: 1e12² ≈ 1e24 ≫ 2^53.
    double[] x = {1e12 + 1, 1e12 + 2, 1e12 + 3, 1e12 + 4};
    ColumnStatistics s = new ColumnStatistics(2).add(block(x, new double[] {0, 0, 0, 1}));
    assertEquals(1e12 + 2.5, s.mean(0), 0);
    assertEquals(Math.sqrt(5.0 / 3), s.sampleStd(0), 1e-12);
  }

  @Test
  void aConstantColumnHasZeroSpreadAndStandardizesToZero() {
    ColumnStatistics s = new ColumnStatistics(2)
        .add(block(new double[] {4.2, 4.2, 4.2}, new double[] {1, 2, 3}));
    Standardization z = Standardization.of(s, java.util.List.of("x", "y"));
    assertEquals(java.util.List.of(0), z.constantFeatures());
    DataBlock standardized = z.apply(block(new double[] {4.2, 4.2, 4.2}, new double[] {1, 2, 3}));
    assertEquals(0.0, standardized.features()[1]);
    assertEquals(-1.0, standardized.labels()[0], 1e-15);
  }

  @Test
  void standardizingInPlaceGivesTheSameBitsIntoTheBlocksOwnArrays() {
    double[] x = {1, 2, 3, 4, 10};
    double[] y = {2, 2, 2, 2, 7};
    Standardization z = Standardization.of(new ColumnStatistics(2).add(block(x, y)),
        java.util.List.of("x", "y"));
    DataBlock copy = z.apply(block(x.clone(), y.clone()));
    DataBlock raw = block(x.clone(), y.clone());
    DataBlock inPlace = z.applyInPlace(raw);
    assertArrayEquals(copy.features(), inPlace.features(), 0);
    assertArrayEquals(copy.labels(), inPlace.labels(), 0);
    assertSame(raw.features(), inPlace.features());
    assertSame(raw.labels(), inPlace.labels());
    // apply leaves its input as it was.
    DataBlock kept = block(x.clone(), y.clone());
    z.apply(kept);
    assertArrayEquals(x, kept.features(), 0);
  }
}
