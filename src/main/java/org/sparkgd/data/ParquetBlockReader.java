package org.sparkgd.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;
import org.sparkgd.formula.Design;
import org.sparkgd.UserError;
import org.sparkgd.config.BadRowPolicy;

/**
 * Reads Parquet into raw blocks; columns must be numeric, without nulls or non-finite values.
 * Plain numeric columns go straight from parquet-mr's column readers into the blocks
 * ({@link ParquetColumnRows}), in the partitions of equal rows the cache keeps
 * ({@link ParquetLayout}); other input (decimals, a formula's strings) through Spark SQL's rows.
 */
public final class ParquetBlockReader {
  private ParquetBlockReader() {}

  public static JavaRDD<DataBlock> read(SparkContext spark, InputFiles input,
      List<String> features, String label, int minPartitions, BadRowPolicy onBadRows) {
    return read(spark, input, features, label, null, minPartitions, onBadRows);
  }

  /** @param weight the column of row weights, read after the label, or null */
  public static JavaRDD<DataBlock> read(SparkContext spark, InputFiles input,
      List<String> features, String label, String weight, int minPartitions,
      BadRowPolicy onBadRows) {
    Configuration conf = spark.hadoopConfiguration();
    ParquetLayout layout = ParquetLayout.of(conf, input, features, label, weight);
    if (layout != null) {
      return columns(spark, conf, layout, features.size(), minPartitions, weight, onBadRows);
    }
    Dataset<Row> frame = SqlSession.of(spark).read().parquet(input.path());
    List<String> available = Arrays.asList(frame.columns());
    int[] selected = ColumnSelection.resolve(available, features, label, input.path());
    List<String> names = new ArrayList<>(features);
    names.add(label);
    if (weight != null) {
      selected = Arrays.copyOf(selected, selected.length + 1);
      selected[selected.length - 1] = ColumnSelection.requireAll(available, List.of(weight),
          "the weight column", input.path())[0];
      names.add(weight);
    }
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
    return blocks(frame, columns, names, features.size(), null, weight, minPartitions,
        onBadRows);
  }

  /**
   * The layout's rows in {@link BalancedBlocks#partitions} partitions of equal rows, each
   * reading its own row ranges: the Hadoop configuration is broadcast, so that the tasks of
   * every later pass over the cache (whose lineage this is) carry only its handle.
   */
  private static JavaRDD<DataBlock> columns(SparkContext spark, Configuration conf,
      ParquetLayout layout, int width, int minPartitions, String weight,
      BadRowPolicy onBadRows) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark);
    int partitions = BalancedBlocks.partitions(jsc.defaultParallelism(), layout.rows(), width,
        minPartitions);
    Broadcast<SerializableConfiguration> hadoop =
        jsc.broadcast(new SerializableConfiguration(new Configuration(conf)));
    List<String> names = List.copyOf(layout.columns);
    int blockRows = BlockPacker.defaultBlockRows(width);
    return jsc.parallelize(layout.ranges(partitions), partitions).mapPartitions(it -> {
      ParquetColumnRows rows = new ParquetColumnRows(
          it.hasNext() ? it.next().iterator() : Collections.emptyIterator(),
          hadoop.value().value(), names, onBadRows, weight);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) t -> rows.close());
      }
      return new BlockPacker(rows, width, blockRows, weight != null);
    });
  }

  /** The design rows of a formula: its numeric columns and label as doubles, its strings. */
  public static JavaRDD<DataBlock> read(SparkContext spark, InputFiles input, Design design,
      String weight, int minPartitions, BadRowPolicy onBadRows) {
    return read(SqlSession.of(spark).read().parquet(input.path()), design, weight,
        minPartitions, onBadRows);
  }

  /**
   * As above, from any DataFrame's rows (the Spark ML estimator's): each row's formula columns
   * expanded through {@link DesignRow} into the design row, the label (and the weight).
   */
  public static JavaRDD<DataBlock> read(Dataset<Row> frame, Design design, String weight,
      int minPartitions, BadRowPolicy onBadRows) {
    List<String> names = new ArrayList<>(DesignRow.numericColumns(design, weight));
    int numbers = names.size();
    names.addAll(design.stringColumns());
    List<Column> columns = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      columns.add(col("`" + names.get(k) + "`").cast(k < numbers ? "double" : "string"));
    }
    return blocks(frame, columns, names, design.width(), design, weight, minPartitions,
        onBadRows);
  }

  /** The chosen columns (and each row's file) packed into blocks of {@code width} features. */
  private static JavaRDD<DataBlock> blocks(Dataset<Row> frame, List<Column> columns,
      List<String> names, int width, Design design, String weight, int minPartitions,
      BadRowPolicy onBadRows) {
    columns.add(input_file_name());
    Dataset<Row> chosen = frame.select(columns.toArray(new Column[0]));
    if (minPartitions > 0 && chosen.rdd().getNumPartitions() < minPartitions) {
      chosen = chosen.repartition(minPartitions);
    }
    int blockRows = BlockPacker.defaultBlockRows(width);
    ArrayList<String> columnNames = new ArrayList<>(names);
    return chosen.javaRDD().mapPartitions(
        rows -> new BlockPacker(new ParquetRows(rows, columnNames, onBadRows, design, weight),
            width, blockRows, weight != null));
  }

  /** Checks each row's values; a null or non-finite value fails or is skipped. */
  private static final class ParquetRows implements RowSource {
    private final Iterator<Row> rows;
    private final List<String> names;
    private final BadRowPolicy onBadRows;
    private final SkippedRows skipped = new SkippedRows();
    /** Null without a formula. */
    private final DesignRow designRow;
    /** The weight column, or null. */
    private final String weight;

    ParquetRows(Iterator<Row> rows, List<String> names, BadRowPolicy onBadRows, Design design,
        String weight) {
      this.rows = rows;
      this.names = names;
      this.onBadRows = onBadRows;
      this.designRow = design == null ? null : new DesignRow(design, weight != null);
      this.weight = weight;
    }

    @Override
    public boolean next(double[] out) {
      while (rows.hasNext()) {
        Row row = rows.next();
        String problem = read(row, out);
        if (problem == null && weight != null) {
          problem = RowWeights.problem(out[out.length - 1], weight);
        }
        if (problem == null) {
          return true;
        }
        String file = row.getString(names.size());
        String reason = (file.isEmpty() ? "the training rows" : file) + ": " + problem;
        if (onBadRows == BadRowPolicy.FAIL) {
          throw new UserError(reason + " (--on-bad-rows skip drops such rows)");
        }
        skipped.add(reason);
      }
      return false;
    }

    /** Fills {@code out}; returns what is wrong with the row, or null. */
    private String read(Row row, double[] out) {
      if (designRow == null) {
        return readNumbers(row, out);
      }
      String problem = readNumbers(row, designRow.numbers);
      for (int s = 0; problem == null && s < designRow.strings.length; s++) {
        int k = designRow.numbers.length + s;
        if (row.isNullAt(k)) {
          return "column '" + names.get(k) + "' has an empty (null) value";
        }
        designRow.strings[s] = row.getString(k);
      }
      return problem != null ? problem : designRow.expandInto(out);
    }

    private String readNumbers(Row row, double[] out) {
      for (int k = 0; k < out.length; k++) {
        if (row.isNullAt(k)) {
          return "column '" + names.get(k) + "' has an empty (null) value";
        }
        double value = row.getDouble(k);
        if (!Double.isFinite(value)) {
          return "column '" + names.get(k) + "' has the value " + value
              + ", not a finite number";
        }
        out[k] = value;
      }
      return null;
    }

    @Override
    public SkippedRows drainSkipped() {
      return skipped.drain();
    }
  }
}
