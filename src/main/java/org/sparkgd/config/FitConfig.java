package org.sparkgd.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sparkgd.UserError;
import org.sparkgd.formula.Formula;

/**
 * Everything a fit runs with, validated once: what to read, where to write, and the descent's
 * options (validated when built). Saved in {@code model.json} and in checkpoints, so a run can
 * be told apart, repeated and resumed.
 *
 * @param checkpointEvery save the descent's state every this many passes (0: never)
 * @param testFraction the expected share of rows held out for testing (0: none)
 * @param master the Spark master URL, or null to let spark-submit (or local[*]) decide
 */
public record FitConfig(InputSpec input, OutputSpec output, DescentOptions descent,
    int checkpointEvery, double testFraction, String master) {

  public FitConfig {
    require(input.path() != null && !input.path().isBlank(), "--input is required");
    require(output.path() != null && !output.path().isBlank(), "--output is required");
    if (input.formula() != null) {
      require(input.label() == null && input.features().isEmpty(),
          "--formula names the label and the terms: do not also give --label or --features");
      Formula.parse(input.formula());
    } else {
      require(input.label() != null && !input.label().isBlank(),
          "--label is required (or --formula)");
    }
    FitOption.MIN_PARTITIONS.check(input.minPartitions());
    require(input.onBadRows() != null, "--on-bad-rows must be fail or skip");
    FitOption.CHECKPOINT_EVERY.check(checkpointEvery);
    FitOption.TEST_FRACTION.check(testFraction);
    if (input.formula() == null) {
      checkNames(input.features(), input.label());
    }
  }

  /** The chosen column names themselves, before any input is read. */
  private static void checkNames(List<String> features, String label) {
    require(!features.isEmpty(), "--features names no column");
    Set<String> seen = new HashSet<>();
    for (String f : features) {
      require(!f.isBlank(), "--features has an empty column name");
      require(seen.add(f), "--features names column '" + f + "' twice");
    }
    require(!seen.contains(label),
        "the label column '" + label + "' is also listed in --features");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw UserError.usage(message);
    }
  }

  /** The label column: --label's, or the formula's left side. */
  public String label() {
    return input.formula() != null ? Formula.parse(input.formula()).label() : input.label();
  }

  public List<String> features() {
    return input.features();
  }

  public Mode mode() {
    return descent.mode();
  }
}
