package org.sparkgd.config;

import org.sparkgd.UserError;
import org.sparkgd.data.InputFormat;

/**
 * What {@code sparkgd predict} runs with.
 *
 * @param model a fit's output folder (or its model.json)
 * @param outputFormat CSV or Parquet; AUTO writes the input's format
 * @param master the Spark master URL, or null to let spark-submit (or local[*]) decide
 */
public record PredictConfig(String model, String input, InputFormat inputFormat, char delimiter,
    String output, InputFormat outputFormat, boolean overwrite, String master) {

  public PredictConfig {
    require(model != null && !model.isBlank(), "--model is required");
    require(input != null && !input.isBlank(), "--input is required");
    require(output != null && !output.isBlank(), "--output is required");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw UserError.usage(message);
    }
  }
}
