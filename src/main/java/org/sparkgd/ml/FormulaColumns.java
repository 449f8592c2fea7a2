package org.sparkgd.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparkgd.UserError;
import org.sparkgd.formula.Design;
import org.sparkgd.job.DesignPredictor;
import org.sparkgd.model.LinearModel;

/**
 * The prediction column of a model fitted by formula: each row's formula columns expanded into
 * its design row by {@link DesignPredictor}, as {@code sparkgd predict} does.
 */
final class FormulaColumns {
  private static final String SOURCE = "the rows to transform";

  private FormulaColumns() {}

  /** {@code schema} with the prediction column (a double) appended. */
  static StructType withPrediction(StructType schema, String predictionCol) {
    if (List.of(schema.fieldNames()).contains(predictionCol)) {
      throw new UserError(SOURCE + ": the prediction column '" + predictionCol
          + "' exists already");
    }
    return schema.add(predictionCol, DataTypes.DoubleType, false);
  }

  /** {@code dataset} with its predictions; each column the design reads must be there. */
  static Dataset<Row> predict(Dataset<?> dataset, Design design, LinearModel model,
      String predictionCol) {
    List<String> columns = DesignPredictor.columns(design);
    List<String> present = List.of(dataset.columns());
    int numbers = design.numericColumns().size();
    Column[] cells = new Column[columns.size()];
    for (int k = 0; k < cells.length; k++) {
      if (!present.contains(columns.get(k))) {
        throw new UserError(SOURCE + ": no column '" + columns.get(k) + "', which the model's "
            + "formula " + design.formula() + " needs");
      }
      cells[k] = col("`" + columns.get(k) + "`").cast(k < numbers ? "double" : "string");
    }
    DesignPredictor predictor = new DesignPredictor(design, model);
    UserDefinedFunction prediction = udf(
        (UDF1<Row, Double>) row -> predictor.predict(row, SOURCE), DataTypes.DoubleType)
        .asNonNullable();
    return dataset.withColumn(predictionCol, prediction.apply(struct(cells)));
  }
}
