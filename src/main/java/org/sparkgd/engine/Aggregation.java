package org.sparkgd.engine;

/**
 * How a pass merges its partitions' partial sums. The sums are exact ({@link ExactSum}), so
 * the order of the merge never shows in the result; only its cost differs. By default
 * ({@link #AUTO}) every partition's result goes to the driver, which merges them in partition
 * order: a single-stage job, no shuffle. A {@code treeAggregate} of depth 2 merges part of the
 * way on the executors, which pays only when the driver would otherwise receive and merge many
 * or large results; a depth given explicitly is always used.
 */
public final class Aggregation {
  /** The default depth: chosen from the partition count and the size of a partial result. */
  public static final int AUTO = 0;
  /** Above this many partitions a tree merges part of the way on the executors. */
  static final int DRIVER_PARTITIONS = 256;
  /** Above this many summed values over all partitions (e.g. 256 × 256), a tree as well. */
  static final long DRIVER_VALUES = 1 << 16;

  private Aggregation() {}

  /**
   * The depth to use: {@code requested} when given (≥ 1), else 0 for the driver merge or 2
   * for a tree.
   *
   * @param valuesPerPartition the sums one partition sends: points × (features + 2)
   */
  public static int depth(int requested, int partitions, int valuesPerPartition) {
    if (requested != AUTO) {
      return requested;
    }
    boolean tree = partitions > DRIVER_PARTITIONS
        || (long) partitions * valuesPerPartition > DRIVER_VALUES;
    return tree ? 2 : 0;
  }
}
