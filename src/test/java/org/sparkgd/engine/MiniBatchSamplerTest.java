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
      int n = sample(new MiniBatchSampler(fraction, 3, 0), 0, rows).size();
      double expected = fraction * rows;
      // Binomial: within 5 standard deviations.
      assertEquals(expected, n, 5 * Math.sqrt(expected * (1 - fraction)), "fraction " + fraction);
    }
  }

  @Test
  void fractionOneTakesEveryRow() {
    assertEquals(1000, sample(new MiniBatchSampler(1.0, 3, 0), 0, 400, 600).size());
  }

  @Test
  void theSameSeedIterationAndPartitionGiveTheSameRows() {
    MiniBatchSampler a = new MiniBatchSampler(0.05, 11, 7);
    MiniBatchSampler b = new MiniBatchSampler(0.05, 11, 7);
    assertEquals(sample(a, 2, 5000), sample(b, 2, 5000));
  }

  @Test
  void iterationsPartitionsAndSeedsDrawDifferentRows() {
    List<Long> base = sample(new MiniBatchSampler(0.05, 11, 7), 2, 5000);
    assertNotEquals(base, sample(new MiniBatchSampler(0.05, 11, 8), 2, 5000));
    assertNotEquals(base, sample(new MiniBatchSampler(0.05, 11, 7), 3, 5000));
    assertNotEquals(base, sample(new MiniBatchSampler(0.05, 12, 7), 2, 5000));
  }

  @Test
  void blockBoundariesDoNotChangeTheSample() {
    MiniBatchSampler s = new MiniBatchSampler(0.02, 5, 1);
    assertEquals(sample(s, 0, 10_000), sample(s, 0, 1, 2999, 3000, 17, 3983));
  }

  @Test
  void sampledPositionsAreDistinctAndIncreasing() {
    List<Long> picked = sample(new MiniBatchSampler(0.3, 1, 0), 0, 2000);
    for (int k = 1; k < picked.size(); k++) {
      assertTrue(picked.get(k) > picked.get(k - 1));
    }
  }
}
