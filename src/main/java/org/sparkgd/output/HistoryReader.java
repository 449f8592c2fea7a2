package org.sparkgd.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.UserError;
import org.sparkgd.optim.IterationRecord;

/** Reads a cost history written by {@link HistoryWriter} back into iteration records. */
public final class HistoryReader {
  private HistoryReader() {}

  /**
   * A saved history.
   *
   * @param runs each run's records in iteration order, runs in the order they first appear
   * @param costScope "full" (batch) or "batch" (mini-batch), as {@link HistoryWriter} wrote it
   */
  public record Saved(Map<String, List<IterationRecord>> runs, String costScope) {}

  public static Saved read(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
        throw new UserError(path + ": no such file or directory");
      }
    } catch (IOException e) {
      throw new UserError(path + ": cannot be read: " + e.getMessage(), e);
    }
    Dataset<Row> frame = spark.read().parquet(path);
    List<String> columns = Arrays.asList(frame.columns());
    for (org.apache.parquet.schema.Type field : HistoryWriter.SCHEMA.getFields()) {
      String required = field.getName();
      if (!columns.contains(required)) {
        throw new UserError(path + ": not a sparkgd history: no column '" + required + "'");
      }
    }
    Map<String, List<IterationRecord>> runs = new LinkedHashMap<>();
    String scope = null;
    for (Row row : frame.orderBy("passes", "run", "iteration").collectAsList()) {
      scope = row.getAs("cost_scope");
      List<Double> coefficients = row.getList(row.fieldIndex("coefficients"));
      double[] theta = new double[coefficients.size() + 1];
      theta[0] = row.getAs("intercept");
      for (int j = 0; j < coefficients.size(); j++) {
        theta[j + 1] = coefficients.get(j);
      }
      String run = row.getAs("run");
      runs.computeIfAbsent(run, r -> new ArrayList<>()).add(new IterationRecord(run,
          row.getAs("iteration"), row.getAs("cost"), row.getAs("objective"),
          row.getAs("step_size"), row.getAs("gradient_norm"), theta, row.getAs("rows"),
          row.getAs("passes"), row.getAs("optimality_gap"), row.getAs("elapsed_ms")));
    }
    if (runs.isEmpty()) {
      throw new UserError(path + ": the history has no rows");
    }
    return new Saved(runs, scope);
  }
}
