package org.sparkgd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a fit's outputs on any Hadoop file system, and compares two fits. */
final class StoredOutputs {
  private StoredOutputs() {}

  static JsonNode model(SparkSession spark, String output) throws IOException {
    Path file = new Path(output, "model.json");
    try (InputStream in = file.getFileSystem(spark.sparkContext().hadoopConfiguration())
        .open(file)) {
      return new ObjectMapper().readTree(in);
    }
  }

  static List<Row> history(SparkSession spark, String output) {
    return spark.read().parquet(output + "/history").orderBy("passes", "run", "iteration")
        .collectAsList();
  }

  static boolean exists(SparkSession spark, String path) throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
  }

  /** The same θ, cost, stop and rows, and the same history row for row, bit for bit. */
  static void assertSameFit(SparkSession spark, String expected, String actual)
      throws IOException {
    JsonNode e = model(spark, expected);
    JsonNode a = model(spark, actual);
    for (String field : List.of("intercept", "coefficients", "standardized", "standardization",
        "iterations", "final_cost", "stop_reason", "rows")) {
      assertEquals(e.get(field), a.get(field), field);
    }
    List<Row> he = history(spark, expected);
    List<Row> ha = history(spark, actual);
    assertEquals(he.size(), ha.size());
    for (int k = 0; k < he.size(); k++) {
      for (String column : List.of("iteration", "cost", "rows", "intercept", "coefficients",
          "gradient_norm", "step_size")) {
        assertEquals((Object) he.get(k).getAs(column), ha.get(k).getAs(column),
            column + " at row " + k);
      }
    }
  }
}
