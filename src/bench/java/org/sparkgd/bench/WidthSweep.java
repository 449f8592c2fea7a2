package org.sparkgd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkgd.data.BlockPacker;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.optim.CostFunction;

/**
 * The {@code width} part: a batch pass at d = 3, 30, 300, 1000 features with rows × d fixed, so
 * every width reads the same bytes. Beside each, in the same turns, the memory roofline (every
 * cached double read once by plain threads: {@link Roofline#stream}) and the evaluator's loop
 * without Spark ({@link Roofline#pass}). A pass that costs d times a one-feature pass per row
 * keeps the same time at every width, near the roofline.
 */
final class WidthSweep {
  /** The target: a pass within this factor of the memory roofline at every width. */
  static final double TARGET = 1.5;

  private WidthSweep() {}

  /** One width: its rows and the three timings (ms), each the median of the repetitions. */
  record Line(int features, long rows, Timing pass, Timing roofline, Timing loop) {
    double ratio() {
      return pass.median() / roofline.median();
    }
  }

  static List<Line> run(JavaSparkContext jsc, long cells, List<Integer> widths, int partitions,
      long seed, int treeDepth, int warmup, int repetitions) {
    List<Line> lines = new ArrayList<>();
    for (int d : widths) {
      long rows = cells / d;
      try (TrainingData data = TrainingData.fromRaw(rawBlocks(jsc, rows, d, partitions, seed),
          names(d), "y", "generated rows (" + rows + " × " + d + ")");
          Roofline roofline = Roofline.over(data, jsc.defaultParallelism())) {
        double[] theta = new double[d + 1];
        for (int j = 0; j <= d; j++) {
          theta[j] = 0.1 * (1 + j % 4);
        }
        CostFunction loss = new LeastSquaresLoss(data, treeDepth, null, seed, 0);
        List<LongConsumer> operations = List.of(round -> loss.evaluate(theta, round),
            round -> roofline.stream(), round -> roofline.pass(theta));
        List<Timing> t = Turns.measure(operations, warmup, repetitions);
        lines.add(new Line(d, rows, t.get(0), t.get(1), t.get(2)));
      }
    }
    return lines;
  }

  /** Row i: d standard normal features and y = Σ_j (1 + j mod 3)·x_j + noise, from the seed. */
  private static JavaRDD<DataBlock> rawBlocks(JavaSparkContext jsc, long rows, int d,
      int partitions, long seed) {
    List<long[]> slices = new ArrayList<>();
    for (int s = 0; s < partitions; s++) {
      slices.add(new long[] {rows * s / partitions, rows * (s + 1) / partitions});
    }
    int blockRows = BlockPacker.defaultBlockRows(d);
    return jsc.parallelize(slices, partitions).mapPartitions(slice -> {
      List<DataBlock> blocks = new ArrayList<>();
      while (slice.hasNext()) {
        long[] range = slice.next();
        long[] next = {range[0]};
        new BlockPacker(row -> {
          if (next[0] >= range[1]) {
            return false;
          }
          SplittableRandom random = new SplittableRandom(seed * 1_000_003L + next[0]++);
          double y = random.nextGaussian();
          for (int j = 0; j < d; j++) {
            row[j] = random.nextGaussian();
            y += (1 + j % 3) * row[j];
          }
          row[d] = y;
          return true;
        }, d, blockRows).forEachRemaining(blocks::add);
      }
      return blocks.iterator();
    });
  }

  private static List<String> names(int d) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add("x" + j);
    }
    return names;
  }

  /** The part's section of the report. */
  static String markdown(List<Line> lines, long cells) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "## Width: a batch pass at %,d rows × features%n%n",
        cells));
    out.append("The roofline reads every cached double once with plain threads (no Spark); "
        + "the loop is the evaluator's own, without Spark. Times are medians in ms; the ratio "
        + "is the pass over the roofline, measured in the same turns.\n\n");
    out.append("| features | rows | pass (ms) | roofline (ms) | loop (ms) | ns per row × feature "
        + "| ratio | target | met |\n|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (Line l : lines) {
      out.append(String.format(Locale.ROOT, "| %d | %,d | %.2f | %.2f | %.2f | %.3f | %.2f× | "
          + "≤ %.1f× | %s |%n", l.features(), l.rows(), l.pass().median(),
          l.roofline().median(), l.loop().median(),
          l.pass().median() * 1e6 / ((double) l.rows() * l.features()), l.ratio(), TARGET,
          l.ratio() <= TARGET ? "yes" : "no"));
    }
    return out.append('\n').toString();
  }
}
