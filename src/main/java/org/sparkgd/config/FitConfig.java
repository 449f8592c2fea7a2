package org.sparkgd.config;

import java.util.List;
import org.sparkgd.UserError;
import org.sparkgd.data.InputFormat;
import org.sparkgd.data.InputSpec;

/**
 * Everything a fit is run with, validated once; saved in {@code model.json} so a run can be
 * told apart and repeated.
 *
 * @param testFraction the expected share of rows held out for testing (0: none)
 * @param master the Spark master URL, or null to let spark-submit (or local[*]) decide
 */
public record FitConfig(
    String input,
    InputFormat inputFormat,
    char delimiter,
    String label,
    List<String> features,
    String output,
    boolean overwrite,
    Mode mode,
    double batchFraction,
    double learningRate,
    long maxIterations,
    double tolerance,
    long seed,
    double divergenceFactor,
    int treeDepth,
    int minPartitions,
    double testFraction,
    String master) {

  public FitConfig {
    features = List.copyOf(features);
    require(input != null && !input.isBlank(), "--input is required");
    require(output != null && !output.isBlank(), "--output is required");
    require(label != null && !label.isBlank(), "--label is required");
    require(batchFraction > 0 && batchFraction <= 1,
        "--batch-fraction must be in (0, 1], got " + batchFraction);
    require(learningRate > 0 && Double.isFinite(learningRate),
        "--learning-rate must be a positive number, got " + learningRate);
    require(maxIterations >= 0, "--max-iterations must be ≥ 0, got " + maxIterations);
    require(tolerance >= 0 && Double.isFinite(tolerance),
        "--tolerance must be ≥ 0 (0 disables it), got " + tolerance);
    require(divergenceFactor > 1 && Double.isFinite(divergenceFactor),
        "--divergence-factor must be > 1, got " + divergenceFactor);
    require(treeDepth >= 1, "--tree-depth must be ≥ 1, got " + treeDepth);
    require(minPartitions >= 0, "--min-partitions must be ≥ 0, got " + minPartitions);
    require(testFraction >= 0 && testFraction < 1,
        "--test-fraction must be in [0, 1), got " + testFraction);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw UserError.usage(message);
    }
  }

  public InputSpec inputSpec() {
    return new InputSpec(input, inputFormat, delimiter, features, label, minPartitions);
  }

  /** The mini-batch fraction, or null in batch mode. */
  public Double samplingFraction() {
    return descentOptions().samplingFraction();
  }

  public DescentOptions descentOptions() {
    return new DescentOptions(mode, batchFraction, learningRate, maxIterations, tolerance, seed,
        divergenceFactor, treeDepth);
  }
}
