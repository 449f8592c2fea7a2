package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.sparkgd.cli.CliRunner;
import org.sparkgd.data.AdvertisingGenerator;

/** What `sparkgd generate` documents of its rows, checked against what it wrote or a fit of it. */
final class GeneratorChecks {
  private GeneratorChecks() {}

  /**
   * Exactly {@code rows} rows of four non-null doubles, and they are the generator's rows
   * 0..rows-1, each once: the column sums equal those of the rows made here.
   */
  static void assertGenerated(Dataset<Row> frame, long rows, long seed) {
    assertArrayEquals(new String[] {"TV", "radio", "newspaper", "sales"}, frame.columns());
    for (StructField field : frame.schema().fields()) {
      assertEquals(DataTypes.DoubleType, field.dataType(), field.name());
    }
    Row sums = frame.selectExpr("count(*)", "sum(TV)", "sum(radio)", "sum(newspaper)",
        "sum(sales)", "count(TV) + count(radio) + count(newspaper) + count(sales)").first();
    assertEquals(rows, sums.getLong(0));
    assertEquals(4 * rows, sums.getLong(5), "no nulls");
    double[] expected = new double[4];
    double[] row = new double[4];
    AdvertisingGenerator generator = new AdvertisingGenerator(seed);
    for (long i = 0; i < rows; i++) {
      generator.row(i, row);
      for (int j = 0; j < 4; j++) {
        expected[j] += row[j];
      }
    }
    for (int j = 0; j < 4; j++) {
      assertEquals(expected[j], sums.getDouble(j + 1), 1e-9 * Math.abs(expected[j]),
          frame.columns()[j]);
    }
  }

  /**
   * The documented coefficients ({@code truth}: the output's _generator.json), each within 5
   * standard errors: σ/(√n·sd_j) for a slope and σ·√((1 + Σ (mean_j/sd_j)²)/n) for the
   * intercept, σ the documented noise.
   */
  static void assertRecoversTheDocumentedModel(JsonNode model, JsonNode truth) {
    assertEquals(truth.get("rows").asLong(), model.get("rows").asLong());
    double sigma = truth.get("noise_std").asDouble();
    double n = model.get("rows").asDouble();
    double[] means = CliRunner.doubles(model.get("standardization").get("feature_means"));
    double[] stds = CliRunner.doubles(model.get("standardization").get("feature_stds"));
    double[] trueCoefficients = CliRunner.doubles(truth.get("true_coefficients"));
    double[] fitted = CliRunner.doubles(model.get("coefficients"));
    double spread = 1;
    for (int j = 0; j < trueCoefficients.length; j++) {
      double standardError = sigma / (Math.sqrt(n) * stds[j]);
      assertEquals(trueCoefficients[j], fitted[j], 5 * standardError,
          truth.get("features").get(j).asText());
      spread += (means[j] / stds[j]) * (means[j] / stds[j]);
    }
    assertEquals(truth.get("true_intercept").asDouble(), model.get("intercept").asDouble(),
        5 * sigma * Math.sqrt(spread / n), "intercept");
  }
}
