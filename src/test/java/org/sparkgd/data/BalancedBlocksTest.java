package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
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

  /**
   * Balanced rows in blocks other than the packer's are repacked, without a shuffle: each new
   * partition reads the input partitions that hold its rows.
   */
  @Test
  void balancedRowsInOtherBlocksAreRepackedWithoutAShuffle() {
    JavaRDD<DataBlock> input = uneven(new int[][] {{10, 5}, {15}});
    JavaRDD<DataBlock> balanced = BalancedBlocks.of(input, 2, D, 16);
    assertNotSame(input, balanced);
    // Every dependency from the layout down to the input is narrow.
    org.apache.spark.rdd.RDD<?> rdd = balanced.rdd();
    while (rdd != input.rdd()) {
      org.apache.spark.Dependency<?> dependency = rdd.dependencies().head();
      assertTrue(dependency instanceof org.apache.spark.NarrowDependency,
          balanced.rdd().toDebugString());
      rdd = dependency.rdd();
    }
    assertEquals(List.of(15, 15), balanced.glom().map(
        part -> part.stream().mapToInt(DataBlock::rows).sum()).collect());
  }

  /**
   * Rows dropped as bad are counted once, in the partition of the row position where they
   * were dropped, wherever the blocks that carry them fall: at a partition's end, alone in an
   * input partition, or after the last row.
   */
  @Test
  void droppedRowsAreCountedOnceWhereTheyWereDropped() {
    List<DataBlock> blocks = List.of(
        withSkipped(rows(0, 10), "a"), withSkipped(rows(10, 5), "b"), withSkipped(rows(15, 0), "c"),
        withSkipped(rows(15, 0), "d"), rows(15, 15), withSkipped(rows(30, 0), "e"));
    JavaRDD<DataBlock> input = SparkTestSession.jsc().parallelize(blocks, 1)
        .zipWithIndex().mapToPair(t -> new scala.Tuple2<>(t._2(), t._1()))
        .partitionBy(new org.apache.spark.HashPartitioner(6)).sortByKey(true, 6).values();
    JavaRDD<DataBlock> balanced = BalancedBlocks.of(input, 2, D, 16);
    List<List<String>> examples = balanced.glom().map(part -> {
      List<String> seen = new ArrayList<>();
      part.forEach(b -> {
        if (b.skipped() != null) {
          seen.addAll(b.skipped().examples());
        }
      });
      return seen;
    }).collect();
    // Rows 0-14 in partition 0, 15-29 in 1: "c" and "d" were dropped at row 15, "e" at 30.
    assertEquals(List.of(List.of("a", "b"), List.of("c", "d", "e")), examples);
  }

  private static DataBlock withSkipped(DataBlock block, String reason) {
    SkippedRows skipped = new SkippedRows();
    skipped.add(reason);
    return new DataBlock(D, block.features(), block.labels(), skipped);
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

  /**
   * A layout's rows, as the statistics read them, are its packed blocks' rows in the same
   * partitions and order; the packed blocks of a repacked layout are new, those of input laid
   * out already are the input's own.
   */
  @Test
  void aLayoutsRowsAreItsPackedRows() {
    JavaRDD<DataBlock> input = uneven(new int[][] {{40, 40, 17}, {5}, {}, {100, 3}, {61}});
    BalancedBlocks.Layout layout = BalancedBlocks.layOut(input, 4, D, 16, true);
    assertTrue(layout.repacked());
    assertNull(layout.statistics(), "not laid out: the statistics need a pass of their own");
    List<List<DataBlock>> slices = layout.slices().glom().collect();
    List<List<DataBlock>> packed = layout.packed().glom().collect();
    assertEquals(4, slices.size());
    for (int t = 0; t < 4; t++) {
      assertArrayEquals(concat(packed.get(t), true), concat(slices.get(t), true));
      assertArrayEquals(concat(packed.get(t), false), concat(slices.get(t), false));
    }
    JavaRDD<DataBlock> laidOut = uneven(new int[][] {{16, 16, 2}, {16, 16, 1}});
    BalancedBlocks.Layout kept = BalancedBlocks.layOut(laidOut, 2, D, 16, true);
    assertFalse(kept.repacked());
    assertSame(laidOut, kept.slices());
    assertSame(laidOut, kept.packed());
    // Counted and summarized in one job: the same bits as a pass over the laid-out rows.
    ColumnStatistics pass = PartitionSummaries.mergeInOrder(laidOut,
        () -> new ColumnStatistics(D + 1), ColumnStatistics::add, ColumnStatistics::merge);
    assertEquals(pass.count(), kept.statistics().count());
    for (int c = 0; c <= D; c++) {
      assertEquals(pass.mean(c), kept.statistics().mean(c), 0);
      assertEquals(pass.sampleStd(c), kept.statistics().sampleStd(c), 0);
    }
  }

  private static double[] concat(List<DataBlock> blocks, boolean features) {
    return blocks.stream().flatMapToDouble(b -> java.util.Arrays.stream(
        features ? b.features() : b.labels())).toArray();
  }
}
