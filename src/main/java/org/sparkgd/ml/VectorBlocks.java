package org.sparkgd.ml;

import static org.apache.spark.sql.functions.col;

import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sparkgd.UserError;
import org.sparkgd.data.BlockPacker;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.RowSource;
import org.sparkgd.data.RowWeights;

/**
 * Packs a DataFrame's features vector, label and weight (if any) into raw blocks, as the file
 * readers do.
 */
final class VectorBlocks {
  private VectorBlocks() {}

  /** @param weightCol the weight column, or null: every row weighs 1 */
  static JavaRDD<DataBlock> read(Dataset<?> dataset, String featuresCol, String labelCol,
      String weightCol, int numFeatures) {
    int blockRows = BlockPacker.defaultBlockRows(numFeatures);
    Dataset<Row> chosen = weightCol == null
        ? dataset.select(col(featuresCol), col(labelCol).cast("double"))
        : dataset.select(col(featuresCol), col(labelCol).cast("double"),
            col(weightCol).cast("double"));
    return chosen.toJavaRDD().mapPartitions(rows -> new BlockPacker(
        rowSource(rows, featuresCol, labelCol, weightCol, numFeatures), numFeatures, blockRows,
        weightCol != null));
  }

  private static RowSource rowSource(Iterator<Row> rows, String featuresCol, String labelCol,
      String weightCol, int numFeatures) {
    return out -> {
      if (!rows.hasNext()) {
        return false;
      }
      Row row = rows.next();
      if (row.isNullAt(0) || row.isNullAt(1)) {
        throw new UserError("column '" + (row.isNullAt(0) ? featuresCol : labelCol)
            + "' has an empty (null) value");
      }
      Vector features = row.getAs(0);
      if (features.size() != numFeatures) {
        throw new UserError("column '" + featuresCol + "' holds a vector of " + features.size()
            + " values; expected " + numFeatures);
      }
      for (int j = 0; j < numFeatures; j++) {
        out[j] = features.apply(j);
        if (!Double.isFinite(out[j])) {
          throw new UserError("column '" + featuresCol + "' has the value " + out[j]
              + " at index " + j + ", not a finite number");
        }
      }
      out[numFeatures] = row.getDouble(1);
      if (!Double.isFinite(out[numFeatures])) {
        throw new UserError("column '" + labelCol + "' has the value " + out[numFeatures]
            + ", not a finite number");
      }
      if (weightCol != null) {
        String problem = row.isNullAt(2) ? "column '" + weightCol + "' has an empty (null) value"
            : RowWeights.problem(row.getDouble(2), weightCol);
        if (problem != null) {
          throw new UserError(problem);
        }
        out[numFeatures + 1] = row.getDouble(2);
      }
      return true;
    };
  }
}
