package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * The one comparison of two fits' outputs, on any Hadoop file system (a local path, hdfs://,
 * s3a://): the same θ, cost, stop and rows in model.json, and the same history row for row, bit
 * for bit. Cluster, storage and fault tests all ask this of a fit that must not differ.
 */
public final class SameFit {
  private static final List<String> MODEL_FIELDS = List.of("intercept", "coefficients",
      "standardized", "standardization", "iterations", "final_cost", "stop_reason", "rows");
  private static final List<String> HISTORY_COLUMNS = List.of("iteration", "cost", "cost_scope",
      "rows", "intercept", "coefficients", "gradient_norm", "step_size");

  private SameFit() {}

  public static void assertSameFit(java.nio.file.Path expected, java.nio.file.Path actual) {
    assertSameFit(expected.toUri().toString(), actual.toUri().toString());
  }

  public static void assertSameFit(String expected, String actual) {
    JsonNode e = model(expected);
    JsonNode a = model(actual);
    for (String field : MODEL_FIELDS) {
      assertEquals(e.get(field), a.get(field), field);
    }
    List<Row> he = history(expected);
    List<Row> ha = history(actual);
    assertEquals(he.size(), ha.size(), "history rows");
    for (int k = 0; k < he.size(); k++) {
      for (String column : HISTORY_COLUMNS) {
        assertEquals((Object) he.get(k).getAs(column), ha.get(k).getAs(column),
            column + " at row " + k);
      }
    }
  }

  /** model.json of the output folder {@code output}, on whatever file system it names. */
  public static JsonNode model(String output) {
    Path file = new Path(output, "model.json");
    try (InputStream in = file.getFileSystem(SparkTestSession.get().sparkContext()
        .hadoopConfiguration()).open(file)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The history rows, in the order the fit wrote them. */
  public static List<Row> history(String output) {
    return SparkTestSession.get().read().parquet(output + "/history")
        .orderBy("passes", "run", "iteration").collectAsList();
  }
}
