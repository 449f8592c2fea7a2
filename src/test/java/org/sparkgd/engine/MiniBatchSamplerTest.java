package org.sparkgd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MiniBatchSamplerTest {
  /** The rows a cursor picks over consecutive blocks of the given sizes, as global positions. */
  private static List<Long> sample(MiniBatchSampler sampler, int partition, int... blockRows) {
    MiniBatchSampler.Cursor cursor = sampler.start(partition);
    List<Long> picked = new ArrayList<>();
    long offset = 0;
    for (int rows : blockRows) {
      cursor.block(rows);
      while (cursor.nextRange()) {
        for (int i = cursor.from(); i < cursor.to(); i++) {
          picked.add(offset + i);
        }
      }
      offset += rows;
    }
    return picked;
  }

  @Test
  void takesAboutTheRequestedFraction() {
    int rows = 1_000_000;
    for (double fraction : new double[] {0.5, 0.1, 0.01, 0.001, 0.0001}) {
      MiniBatchSampler sampler = new MiniBatchSampler(fraction, 3, 0, rows, 1);
      int n = sample(sampler, 0, rows).size();
      // Binomial in runs: within 5 standard deviations.
      double runs = (double) rows / sampler.runLength();
      double spread = sampler.runLength() * Math.sqrt(runs * fraction * (1 - fraction));
      assertEquals(fraction * rows, n, 5 * spread, "fraction " + fraction);
    }
  }

  @Test
  void runsAreAsLongAsTheBatchAllows() {
    assertEquals(64, MiniBatchSampler.runLength(0.01, 10_000_000));
    assertEquals(64, MiniBatchSampler.runLength(1.0, 1_000_000));
    assertEquals(32, MiniBatchSampler.runLength(0.001, 10_000_000), "10,000 rows: 312 runs");
    assertEquals(2, MiniBatchSampler.runLength(0.001, 1_000_000), "1,000 rows: 500 runs");
    assertEquals(1, MiniBatchSampler.runLength(0.1, 200), "the Advertising data: single rows");
    assertEquals(1, MiniBatchSampler.runLength(0.01, 50_000), "500 rows: single rows");
  }

  /** Whole aligned runs are taken, so a batch reads its rows as streams. */
  @Test
  void rowsComeInWholeAlignedRuns() {
    int rows = 1_000_000;
    MiniBatchSampler sampler = new MiniBatchSampler(0.01, 3, 2, rows, 1);
    int length = sampler.runLength();
    assertEquals(32, length);
    List<Long> picked = sample(sampler, 0, rows);
    assertEquals(0, picked.size() % length);
    for (int k = 0; k < picked.size(); k += length) {
      assertEquals(0, picked.get(k) % length, "a run starts at a multiple of its length");
      assertEquals(picked.get(k) + length - 1, picked.get(k + length - 1), "and is whole");
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
    MiniBatchSampler runs = new MiniBatchSampler(0.2, 5, 1, 100_000, 1);
    assertEquals(64, runs.runLength());
    assertEquals(sample(runs, 0, 100_000), sample(runs, 0, 1, 63, 65, 31, 33, 99_807),
        "runs cut by block boundaries");
  }

  /**
   * The rows are keyed by global position, so cutting n rows into any number of equal shares
   * (partition p from ⌈p·n/P⌉) picks the same rows, runs cut by a share's boundary included; n
   * spans several random streams.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.001, 0.01, 0.3})
  void thePartitionCountDoesNotChangeTheSample(double fraction) {
    long n = 5 * MiniBatchSampler.CHUNK + 123;
    List<Long> whole = sample(new MiniBatchSampler(fraction, 9, 4, n, 1), 0, (int) n);
    assertEquals(fraction * n, whole.size(), 0.2 * fraction * n, "about the fraction of " + n);
    for (int partitions : new int[] {2, 3, 7, 64}) {
      MiniBatchSampler sampler = new MiniBatchSampler(fraction, 9, 4, n, partitions);
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
