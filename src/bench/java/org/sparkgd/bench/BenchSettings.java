package org.sparkgd.bench;

import java.nio.file.Path;
import java.util.Set;
import org.sparkgd.UserError;

/**
 * The options of one benchmark run, validated.
 *
 * @param partitions partitions of the generated data (0: Spark's default parallelism)
 * @param fitRepetitions repetitions of the long measurements: ml.LinearRegression fits and the
 *     end-to-end fits
 * @param sgdShortRun iterations of the short MLlib run; the long one has {@code sgdLongRun}
 * @param endToEndRows rows of the end-to-end CSV (0: {@code rows})
 * @param output the Markdown report, or null for the console only
 */
record BenchSettings(long rows, int partitions, int repetitions, int warmup, int fitRepetitions,
    Set<Part> parts, long seed, int treeDepth, int sgdShortRun, int sgdLongRun,
    long endToEndRows, double endToEndTolerance,
    long memoryIterations, Path scratch, Path output, ProcessSettings processes,
    WidthSettings width) {

  /** The width part: rows × features of each width's data, and the widths. */
  record WidthSettings(long cells, java.util.List<Integer> widths) {
    WidthSettings {
      widths = java.util.List.copyOf(widths);
      require(widths.stream().allMatch(d -> d >= 1 && d <= cells),
          "--widths takes feature counts from 1 to --width-cells, got " + widths);
    }
  }

  /**
   * The processes part: rows of its files, iterations of each fit, formats, mini-batch
   * fractions (besides batch), processes per fit, MLlib's fractions (empty: MLlib not timed),
   * the floor's job count, the script; the row counts of the ingest part.
   */
  record ProcessSettings(long rows, int iterations, java.util.List<String> formats,
      java.util.List<Double> fractions, int repetitions, java.util.List<Double> mllibFractions,
      int floorJobs, Path sparkgd, java.util.List<Long> ingestRows) {
    ProcessSettings {
      mllibFractions = java.util.List.copyOf(mllibFractions);
      require(mllibFractions.stream().allMatch(f -> f > 0 && f <= 1),
          "--process-mllib-fractions takes fractions in (0, 1], got " + mllibFractions);
      require(floorJobs >= 10, "--floor-jobs must be at least 10, got " + floorJobs);
      formats = java.util.List.copyOf(formats);
      ingestRows = java.util.List.copyOf(ingestRows);
      require(ingestRows.stream().allMatch(n -> n >= 2), "--ingest-rows must be at least 2");
      fractions = java.util.List.copyOf(fractions);
      require(fractions.stream().allMatch(f -> f > 0 && f < 1),
          "--process-fractions takes fractions in (0, 1), got " + fractions);
      require(iterations >= 2, "--process-iterations must be at least 2");
      require(repetitions >= 1, "--process-repetitions must be at least 1");
      require(formats.stream().allMatch(f -> f.equals("csv") || f.equals("parquet")),
          "--process-formats takes csv and/or parquet, got " + formats);
    }
  }

  BenchSettings {
    parts = Set.copyOf(parts);
    require(rows >= 2, "--rows must be at least 2, got " + rows);
    require(partitions >= 0, "--partitions must be ≥ 0 (0: Spark's default), got " + partitions);
    require(repetitions >= 1, "--repetitions must be at least 1, got " + repetitions);
    require(warmup >= 0, "--warmup must be ≥ 0, got " + warmup);
    require(fitRepetitions >= 1, "--fit-repetitions must be at least 1, got " + fitRepetitions);
    require(!parts.isEmpty(), "--parts selects nothing");
    require(treeDepth >= 0, "--tree-depth must be ≥ 0 (0: auto), got " + treeDepth);
    require(sgdShortRun >= 1 && sgdLongRun > sgdShortRun,
        "--sgd-iterations must be two lengths, the second longer, e.g. 2,7");
    require(endToEndRows >= 0, "--end-to-end-rows must be ≥ 0, got " + endToEndRows);
    require(endToEndTolerance > 0, "--end-to-end-tolerance must be > 0");
    require(memoryIterations >= 1, "--memory-iterations must be at least 1");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw UserError.usage(message);
    }
  }

  boolean runs(Part part) {
    return parts.contains(part);
  }

  long endToEndRowsOrDefault() {
    return endToEndRows > 0 ? endToEndRows : rows;
  }
}
