package org.sparkgd.output;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparkgd.optim.IterationRecord;

/** Writes the cost history, one row per iteration and run, as a single Parquet file. */
public final class HistoryWriter {
  public static final StructType SCHEMA = new StructType()
      .add("run", DataTypes.StringType, false)
      .add("iteration", DataTypes.LongType, false)
      .add("cost", DataTypes.DoubleType, false)
      .add("objective", DataTypes.DoubleType, false)
      .add("optimality_gap", DataTypes.DoubleType, false)
      .add("cost_scope", DataTypes.StringType, false)
      .add("rows", DataTypes.LongType, false)
      .add("passes", DataTypes.LongType, false)
      .add("step_size", DataTypes.DoubleType, false)
      .add("gradient_norm", DataTypes.DoubleType, false)
      .add("intercept", DataTypes.DoubleType, false)
      .add("coefficients", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
      .add("elapsed_ms", DataTypes.DoubleType, false);

  private HistoryWriter() {}

  /** @param costScope "full" when costs are over all rows, "batch" for mini-batch costs */
  public static void write(SparkSession spark, List<IterationRecord> history, String costScope,
      String path) {
    List<Row> rows = new ArrayList<>(history.size());
    for (IterationRecord r : history) {
      List<Double> coefficients = new ArrayList<>();
      for (double c : r.coefficients()) {
        coefficients.add(c);
      }
      rows.add(RowFactory.create(r.run(), r.iteration(), r.cost(), r.objective(),
          r.optimalityGap(), costScope, r.rows(), r.passes(), r.stepSize(), r.gradientNorm(),
          r.intercept(), coefficients, r.elapsedMillis()));
    }
    spark.createDataFrame(rows, SCHEMA).coalesce(1).write().parquet(path);
  }
}
