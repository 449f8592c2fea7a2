package org.sparkgd.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.sparkgd.UserError;

/** Reads Parquet into raw blocks; columns must be numeric, without nulls or non-finite values. */
public final class ParquetBlockReader {
  private ParquetBlockReader() {}

  public static JavaRDD<DataBlock> read(SparkSession spark, InputFiles input,
      List<String> features, String label, int minPartitions) {
    Dataset<Row> frame = spark.read().parquet(input.path());
    List<String> available = Arrays.asList(frame.columns());
    int[] selected = ColumnSelection.resolve(available, features, label, input.path());
    List<String> names = new ArrayList<>(features);
    names.add(label);
    List<Column> columns = new ArrayList<>();
    for (int k = 0; k < selected.length; k++) {
      StructField field = frame.schema().fields()[selected[k]];
      DataType type = field.dataType();
      if (!(type instanceof NumericType)) {
        throw new UserError(input.path() + ": column '" + field.name() + "' has type "
            + type.simpleString() + ", not a number");
      }
      columns.add(col("`" + field.name() + "`").cast("double"));
    }
    columns.add(input_file_name());
    Dataset<Row> chosen = frame.select(columns.toArray(new Column[0]));
    if (minPartitions > 0 && chosen.rdd().getNumPartitions() < minPartitions) {
      chosen = chosen.repartition(minPartitions);
    }
    int numFeatures = features.size();
    int blockRows = BlockPacker.defaultBlockRows(numFeatures);
    ArrayList<String> columnNames = new ArrayList<>(names);
    return chosen.javaRDD().mapPartitions(
        rows -> new BlockPacker(rowSource(rows, columnNames), numFeatures, blockRows));
  }

  private static RowSource rowSource(Iterator<Row> rows, List<String> names) {
    return out -> {
      if (!rows.hasNext()) {
        return false;
      }
      Row row = rows.next();
      for (int k = 0; k < out.length; k++) {
        if (row.isNullAt(k)) {
          throw new UserError(row.getString(out.length) + ": column '" + names.get(k)
              + "' has an empty (null) value");
        }
        double value = row.getDouble(k);
        if (!Double.isFinite(value)) {
          throw new UserError(row.getString(out.length) + ": column '" + names.get(k)
              + "' has the value " + value + ", not a finite number");
        }
        out[k] = value;
      }
      return true;
    };
  }
}
