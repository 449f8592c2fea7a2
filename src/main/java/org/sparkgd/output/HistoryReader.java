package org.sparkgd.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
   * @param records in iteration order
   * @param costScope "full" (batch) or "batch" (mini-batch), as {@link HistoryWriter} wrote it
   */
  public record Saved(List<IterationRecord> records, String costScope) {}

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
    for (String required : HistoryWriter.SCHEMA.fieldNames()) {
      if (!columns.contains(required)) {
        throw new UserError(path + ": not a sparkgd history: no column '" + required + "'");
      }
    }
    List<IterationRecord> records = new ArrayList<>();
    String scope = null;
    for (Row row : frame.orderBy("iteration").collectAsList()) {
      scope = row.getAs("cost_scope");
      List<Double> coefficients = row.getList(row.fieldIndex("coefficients"));
      double[] theta = new double[coefficients.size() + 1];
      theta[0] = row.getAs("intercept");
      for (int j = 0; j < coefficients.size(); j++) {
        theta[j + 1] = coefficients.get(j);
      }
      records.add(new IterationRecord(row.getAs("iteration"), row.getAs("cost"),
          row.getAs("step_size"), row.getAs("gradient_norm"), theta, row.getAs("rows"),
          row.getAs("elapsed_ms")));
    }
    if (records.isEmpty()) {
      throw new UserError(path + ": the history has no rows");
    }
    return new Saved(records, scope);
  }
}
