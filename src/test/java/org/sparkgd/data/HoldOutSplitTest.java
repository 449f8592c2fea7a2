package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HoldOutSplitTest {
  private static DataBlock block(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[rows * 2];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      x[2 * i] = random.nextDouble();
      x[2 * i + 1] = random.nextInt(100);
      y[i] = random.nextGaussian();
    }
    return new DataBlock(2, x, y);
  }

  private static int testRows(HoldOutSplit split, DataBlock block) {
    int n = 0;
    for (int i = 0; i < block.rows(); i++) {
      n += split.isTest(block, i) ? 1 : 0;
    }
    return n;
  }

  @Test
  void holdsOutAboutTheFractionAndTheSeedChoosesWhich() {
    DataBlock block = block(20_000, 1);
    HoldOutSplit split = new HoldOutSplit(0.2, 42);
    int n = testRows(split, block);
    // Binomial(20000, 0.2): sd ≈ 57; 5 sd either side.
    assertEquals(4000, n, 285);
    int differ = 0;
    HoldOutSplit other = new HoldOutSplit(0.2, 43);
    for (int i = 0; i < block.rows(); i++) {
      differ += split.isTest(block, i) != other.isTest(block, i) ? 1 : 0;
    }
    assertNotEquals(0, differ);
  }

  @Test
  void aRowGoesTheSameWayWhereverItIs() {
    DataBlock block = block(500, 2);
    HoldOutSplit split = new HoldOutSplit(0.3, 7);
    for (int i = 0; i < block.rows(); i++) {
      DataBlock alone = new DataBlock(2,
          new double[] {block.features()[2 * i], block.features()[2 * i + 1]},
          new double[] {block.labels()[i]});
      assertEquals(split.isTest(block, i), split.isTest(alone, 0), "row " + i);
    }
  }

  @Test
  void keepSplitsTheRowsIntoTwoDisjointParts() {
    DataBlock block = block(1000, 3);
    HoldOutSplit split = new HoldOutSplit(0.25, 5);
    DataBlock training = split.keep(block, false);
    DataBlock test = split.keep(block, true);
    assertEquals(block.rows(), training.rows() + test.rows());
    assertEquals(testRows(split, block), test.rows());
    int t = 0;
    int s = 0;
    for (int i = 0; i < block.rows(); i++) {
      boolean isTest = split.isTest(block, i);
      DataBlock side = isTest ? test : training;
      int k = isTest ? s++ : t++;
      assertArrayEquals(new double[] {block.features()[2 * i], block.features()[2 * i + 1],
          block.labels()[i]}, new double[] {side.features()[2 * k], side.features()[2 * k + 1],
          side.labels()[k]}, 0);
    }
  }

  @Test
  void theFractionMustBeBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new HoldOutSplit(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new HoldOutSplit(-0.1, 0));
  }
}
