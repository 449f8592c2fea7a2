package org.sparkgd.config;

import org.sparkgd.UserError;

/**
 * What {@code sparkgd predict} runs with.
 *
 * @param model a fit's output folder (or its model.json)
 * @param input the rows to predict, and how to read them
 * @param outputFormat CSV or Parquet; AUTO writes the input's format
 * @param master the Spark master URL, or null to let spark-submit (or local[*]) decide
 */
public record PredictConfig(String model, InputSource input, OutputSpec output,
    InputFormat outputFormat, String master) {

  public PredictConfig {
    require(model != null && !model.isBlank(), "--model is required");
    require(input.path() != null && !input.path().isBlank(), "--input is required");
    require(output.path() != null && !output.path().isBlank(), "--output is required");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw UserError.usage(message);
    }
  }
}
