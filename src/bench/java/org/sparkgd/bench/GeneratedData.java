package org.sparkgd.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkgd.data.AdvertisingGenerator;
import org.sparkgd.data.BlockPacker;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.RowSource;
import org.sparkgd.data.TrainingData;

/**
 * Advertising-style rows made in memory by the tasks (row i from the seed and i) straight into
 * raw blocks, then standardized and cached as a fit caches its input: no CSV to write or parse.
 */
final class GeneratedData {
  private GeneratedData() {}

  static TrainingData load(JavaSparkContext jsc, long rows, int partitions, long seed) {
    return TrainingData.fromRaw(rawBlocks(jsc, rows, partitions, seed),
        AdvertisingGenerator.FEATURES, AdvertisingGenerator.LABEL,
        "generated advertising rows (" + rows + " rows, seed " + seed + ")");
  }

  /** One partition per slice of consecutive rows. */
  static JavaRDD<DataBlock> rawBlocks(JavaSparkContext jsc, long rows, int partitions,
      long seed) {
    List<long[]> slices = new ArrayList<>();
    for (int s = 0; s < partitions; s++) {
      slices.add(new long[] {rows * s / partitions, rows * (s + 1) / partitions});
    }
    AdvertisingGenerator generator = new AdvertisingGenerator(seed);
    int numFeatures = AdvertisingGenerator.FEATURES.size();
    int blockRows = BlockPacker.defaultBlockRows(numFeatures);
    return jsc.parallelize(slices, partitions).mapPartitions(slice -> {
      List<DataBlock> blocks = new ArrayList<>();
      while (slice.hasNext()) {
        long[] range = slice.next();
        new BlockPacker(new Rows(generator, range[0], range[1]), numFeatures, blockRows)
            .forEachRemaining(blocks::add);
      }
      return blocks.iterator();
    });
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) of the generator. */
  private static final class Rows implements RowSource {
    private final AdvertisingGenerator generator;
    private final long to;
    private long next;

    Rows(AdvertisingGenerator generator, long from, long to) {
      this.generator = generator;
      this.next = from;
      this.to = to;
    }

    @Override
    public boolean next(double[] row) {
      if (next >= to) {
        return false;
      }
      generator.row(next++, row);
      return true;
    }
  }
}
