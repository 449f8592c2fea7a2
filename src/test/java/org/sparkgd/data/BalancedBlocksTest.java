package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.sparkgd.SparkTestSession;

class BalancedBlocksTest {
  private static final int D = 2;

  /** Row i is (i, -i) with label i / 2, so the order of the rows can be read back. */
  private static DataBlock rows(long from, int n) {
    double[] x = new double[n * D];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * D] = from + i;
      x[i * D + 1] = -(from + i);
      y[i] = (from + i) / 2.0;
    }
    return new DataBlock(D, x, y);
  }

  /** Uneven partitions of uneven blocks, as an input's splits bring them. */
  private static JavaRDD<DataBlock> uneven(int[][] blockSizes) {
    List<DataBlock> all = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    long next = 0;
    for (int[] partition : blockSizes) {
      sizes.add(partition.length);
      for (int n : partition) {
        all.add(rows(next, n));
        next += n;
      }
    }
    JavaRDD<DataBlock> flat = SparkTestSession.jsc().parallelize(all, 1);
    // One partition per row of blockSizes, keeping the blocks' order.
    List<Integer> starts = new ArrayList<>();
    int s = 0;
    for (int k : sizes) {
      starts.add(s);
      s += k;
    }
    return flat.zipWithIndex().mapToPair(t -> new scala.Tuple2<>(t._2(), t._1()))
        .partitionBy(new org.apache.spark.Partitioner() {
          @Override
          public int numPartitions() {
            return starts.size();
          }

          @Override
          public int getPartition(Object key) {
            long index = (Long) key;
            int p = 0;
            while (p + 1 < starts.size() && starts.get(p + 1) <= index) {
              p++;
            }
            return p;
          }
        }).sortByKey().values();
  }

  @Test
  void partitionsFitTheSlots() {
    assertEquals(2, BalancedBlocks.partitions(2, 10_000_000, 3, 0));
    assertEquals(8, BalancedBlocks.partitions(2, 1000, 3, 7));
    assertEquals(4, BalancedBlocks.partitions(4, 1, 3, 0));
    // 1e8 rows × 4 doubles = 3.2 GB: two waves of at most 1 GiB a partition on 2 cores.
    assertEquals(4, BalancedBlocks.partitions(2, 100_000_000, 3, 0));
  }

  @Test
  void unevenSplitsBecomeEqualShares() {
    JavaRDD<DataBlock> input = uneven(new int[][] {{40, 40, 17}, {5}, {}, {100, 3}, {61}});
    JavaRDD<DataBlock> balanced = BalancedBlocks.of(input, 4, D, 16);
    assertEquals(4, balanced.getNumPartitions());
    List<List<DataBlock>> parts = balanced.glom().collect();
    long next = 0;
    for (List<DataBlock> part : parts) {
      int rows = part.stream().mapToInt(DataBlock::rows).sum();
      assertTrue(rows == 66 || rows == 67, "266 rows in 4 shares, got " + rows);
      for (DataBlock block : part) {
        assertTrue(block.rows() <= 16);
        DataBlock expected = rows(next, block.rows());
        assertArrayEquals(expected.features(), block.features());
        assertArrayEquals(expected.labels(), block.labels());
        next += block.rows();
      }
    }
    assertEquals(266, next);
  }

  /** Balanced rows in blocks other than the packer's move: the cache's layout is one. */
  @Test
  void balancedRowsInOtherBlocksMove() {
    JavaRDD<DataBlock> input = uneven(new int[][] {{10, 5}, {15}});
    JavaRDD<DataBlock> balanced = BalancedBlocks.of(input, 2, D, 16);
    assertNotSame(input, balanced);
    assertTrue(balanced.rdd().toDebugString().contains("ShuffledRDD"),
        balanced.rdd().toDebugString());
    assertEquals(30, balanced.map(DataBlock::rows).reduce(Integer::sum));
  }

  /** Input read as the cache lays it out (as the Parquet reader reads) does not move. */
  @Test
  void inputAlreadyLaidOutStaysInPlace() {
    JavaRDD<DataBlock> input = uneven(new int[][] {{16, 16, 2}, {16, 16, 1}});
    assertSame(input, BalancedBlocks.of(input, 2, D, 16));
    // The same rows in three partitions, or with a short block inside, move.
    assertNotSame(input, BalancedBlocks.of(input, 3, D, 16));
    JavaRDD<DataBlock> shortInside = uneven(new int[][] {{16, 2, 16}, {16, 16, 1}});
    assertNotSame(shortInside, BalancedBlocks.of(shortInside, 2, D, 16));
  }
}
