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

/** Packs a DataFrame's features vector and label into raw blocks, as the file readers do. */
final class VectorBlocks {
  private VectorBlocks() {}

  static JavaRDD<DataBlock> read(Dataset<?> dataset, String featuresCol, String labelCol,
      int numFeatures) {
    int blockRows = BlockPacker.defaultBlockRows(numFeatures);
    return dataset.select(col(featuresCol), col(labelCol).cast("double")).toJavaRDD()
        .mapPartitions(rows -> new BlockPacker(
            rowSource(rows, featuresCol, labelCol, numFeatures), numFeatures, blockRows));
  }

  private static RowSource rowSource(Iterator<Row> rows, String featuresCol, String labelCol,
      int numFeatures) {
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
      return true;
    };
  }
}
