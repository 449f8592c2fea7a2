package org.sparkgd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniBatchSamplerTest {
  /** The rows a cursor picks over consecutive blocks of the given sizes, as global positions. */
  private static List<Long> sample(MiniBatchSampler sampler, int partition, int... blockRows) {
    MiniBatchSampler.Cursor cursor = sampler.start(partition);
    List<Long> picked = new ArrayList<>();
    long offset = 0;
    for (int rows : blockRows) {
      for (int i = cursor.first(rows); i < rows; i = cursor.next(i, rows)) {
        picked.add(offset + i);
      }
      offset += rows;
    }
    return picked;
  }

  @Test
  void takesAboutTheRequestedFraction() {
    int rows = 1_000_000;
    for (double fraction : new double[] {0.5, 0.1, 0.01, 0.001}) {
      int n = sample(new MiniBatchSampler(fraction, 3, 0, rows, 1), 0, rows).size();
      double expected = fraction * rows;
      // Binomial: within 5 standard deviations.
      assertEquals(expected, n, 5 * Math.sqrt(expected * (1 - fraction)), "fraction " + fraction);
    }
  }

  @Test
  void fractionOneTakesEveryRow() {
    assertEquals(1000, sample(new MiniBatchSampler(1.0, 3, 0, 1000, 1), 0, 400, 600).size());
  }

  @Test
  void theSameSeedIterationAndPartitionGiveTheSameRows() {
    MiniBatchSampler a = new MiniBatchSampler(0.05, 11, 7, 20_000, 4);
    MiniBatchSampler b = new MiniBatchSampler(0.05, 11, 7, 20_000, 4);
    assertEquals(sample(a, 2, 5000), sample(b, 2, 5000));
  }

  @Test
  void iterationsPartitionsAndSeedsDrawDifferentRows() {
    List<Long> base = sample(new MiniBatchSampler(0.05, 11, 7, 20_000, 4), 2, 5000);
    assertNotEquals(base, sample(new MiniBatchSampler(0.05, 11, 8, 20_000, 4), 2, 5000));
    assertNotEquals(base, sample(new MiniBatchSampler(0.05, 11, 7, 20_000, 4), 3, 5000));
    assertNotEquals(base, sample(new MiniBatchSampler(0.05, 12, 7, 20_000, 4), 2, 5000));
  }

  @Test
  void blockBoundariesDoNotChangeTheSample() {
    MiniBatchSampler s = new MiniBatchSampler(0.02, 5, 1, 10_000, 1);
    assertEquals(sample(s, 0, 10_000), sample(s, 0, 1, 2999, 3000, 17, 3983));
  }

  /**
   * The rows are keyed by global position, so cutting n rows into any number of equal shares
   * (partition p from ⌈p·n/P⌉) picks the same rows; n spans several random streams.
   */
  @Test
  void thePartitionCountDoesNotChangeTheSample() {
    long n = 5 * MiniBatchSampler.CHUNK + 123;
    List<Long> whole = sample(new MiniBatchSampler(0.01, 9, 4, n, 1), 0, (int) n);
    assertTrue(whole.size() > 2000, "about 1% of " + n + ": " + whole.size());
    for (int partitions : new int[] {2, 3, 7, 64}) {
      MiniBatchSampler sampler = new MiniBatchSampler(0.01, 9, 4, n, partitions);
      List<Long> joined = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        long first = ceil(p * n, partitions);
        long end = ceil((p + 1) * n, partitions);
        for (long position : sample(sampler, p, 1000, (int) (end - first) - 1000)) {
          joined.add(first + position);
        }
      }
      assertEquals(whole, joined, partitions + " partitions");
    }
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }

  @Test
  void sampledPositionsAreDistinctAndIncreasing() {
    List<Long> picked = sample(new MiniBatchSampler(0.3, 1, 0, 2000, 1), 0, 2000);
    for (int k = 1; k < picked.size(); k++) {
      assertTrue(picked.get(k) > picked.get(k - 1));
    }
  }
}
