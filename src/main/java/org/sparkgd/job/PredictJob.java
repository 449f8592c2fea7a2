package org.sparkgd.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.UserError;
import org.sparkgd.config.InputFormat;
import org.sparkgd.config.PredictConfig;
import org.sparkgd.data.ColumnSelection;
import org.sparkgd.data.InputFiles;
import org.sparkgd.data.SqlSession;
import org.sparkgd.formula.Design;
import org.sparkgd.model.LinearModel;
import org.sparkgd.output.ModelJson;
import org.sparkgd.output.OutputCommitter;

/**
 * Applies a saved model to new rows: reads a CSV or Parquet input with all its columns, adds a
 * {@code prediction} column (original scale, the model's standardization applied as in
 * training) and writes the rows as CSV or Parquet, committed atomically.
 */
public final class PredictJob {
  public static final String PREDICTION = "prediction";
  private static final Logger LOG = LoggerFactory.getLogger(PredictJob.class);

  private PredictJob() {}

  /** What was written. */
  public record Outcome(long rows, String output, String format, LinearModel model) {}

  public static Outcome run(SparkContext sc, PredictConfig config) {
    Configuration conf = sc.hadoopConfiguration();
    ModelJson.Saved saved = ModelJson.read(conf, config.model());
    LinearModel model = saved.model();
    OutputCommitter committer = new OutputCommitter(conf, config.output().path(), config.output().overwrite());
    committer.checkTarget();
    InputFiles files = InputFiles.list(conf, config.input().path());
    boolean parquetIn = config.input().format() == InputFormat.PARQUET
        || (config.input().format() == InputFormat.AUTO && files.looksLikeParquet());
    String format = config.outputFormat() == InputFormat.PARQUET
        || (config.outputFormat() == InputFormat.AUTO && parquetIn) ? "parquet" : "csv";
    LOG.info("Predicting {} from {} with the model in {}", model.label(), config.input().path(),
        config.model());
    SparkSession spark = SqlSession.of(sc);
    String previousDescription = sc.getLocalProperty("spark.job.description");
    sc.setJobDescription("sparkgd predict: " + config.input().path() + " -> " + config.output().path());
    try {
      Dataset<Row> input = parquetIn ? spark.read().parquet(config.input().path())
          : spark.read().option("header", "true").option("inferSchema", "true")
              .option("sep", String.valueOf(config.input().delimiter())).csv(config.input().path());
      Dataset<Row> predicted = withPredictions(input, model, saved.design(),
          config.input().path());
      if (format.equals("csv")) {
        checkCsvCanHold(predicted.schema(), config.input().path());
      }
      String staging = committer.staging().toString();
      predicted.write().format(format).option("header", "true").save(staging);
      long rows = spark.read().format(format).option("header", "true").load(staging).count();
      committer.commit();
      LOG.info("Wrote {} rows to {}", rows, config.output().path());
      return new Outcome(rows, config.output().path(), format, model);
    } catch (RuntimeException e) {
      committer.abort();
      throw e;
    } finally {
      sc.setJobDescription(previousDescription);
    }
  }

  /**
   * The input's rows and columns plus {@code prediction}. The model's feature columns must be
   * there and numeric (a CSV column that did not read as numbers is reported by its first bad
   * value); an empty or non-finite feature value fails the job, naming the file and column.
   *
   * @param source the input named in errors
   */
  public static Dataset<Row> withPredictions(Dataset<Row> input, LinearModel model,
      String source) {
    return withPredictions(input, model, null, source);
  }

  /**
   * As {@link #withPredictions(Dataset, LinearModel, String)}; with a formula's design (not
   * null), the design's raw columns are read and each row is expanded as in the fit.
   */
  public static Dataset<Row> withPredictions(Dataset<Row> input, LinearModel model,
      Design design, String source) {
    List<String> columns = Arrays.asList(input.columns());
    if (columns.contains(PREDICTION)) {
      throw new UserError(source + ": the input already has a column '" + PREDICTION
          + "'; drop or rename it first");
    }
    List<String> wanted = design == null ? model.features() : DesignPredictor.columns(design);
    int[] indices = ColumnSelection.requireAll(columns, wanted,
        design == null ? "the model's features" : "the columns of the model's formula", source);
    List<Column> features = new ArrayList<>();
    int numbers = design == null ? indices.length : design.numericColumns().size();
    for (int k = 0; k < indices.length; k++) {
      int index = indices[k];
      if (k >= numbers) {
        features.add(col(quoted(input.schema().fields()[index].name())).cast("string"));
        continue;
      }
      StructField field = input.schema().fields()[index];
      Column column = col(quoted(field.name()));
      if (field.dataType() instanceof StringType) {
        reportFirstNonNumber(input, field.name(), source);
        features.add(toDoubleOrNull(field.name()));
      } else if (field.dataType() instanceof NumericType) {
        features.add(column.cast("double"));
      } else {
        throw new UserError(source + ": column '" + field.name() + "' has type "
            + field.dataType().simpleString() + ", not a number");
      }
    }
    ArrayList<String> names = new ArrayList<>(wanted);
    DesignPredictor expanded = design == null ? null : new DesignPredictor(design, model);
    UserDefinedFunction predict = functions.udf((UDF2<Row, String, Double>) (row, file) ->
        expanded == null ? predict(model, names, row, file) : expanded.predict(row, file),
        DataTypes.DoubleType);
    return input.withColumn(PREDICTION,
        predict.apply(struct(features.toArray(new Column[0])), input_file_name()));
  }

  private static double predict(LinearModel model, List<String> names, Row row, String file) {
    double[] x = new double[names.size()];
    for (int j = 0; j < x.length; j++) {
      if (row.isNullAt(j)) {
        throw new UserError(file + ": column '" + names.get(j) + "' has an empty value; every "
            + "row needs all the model's features");
      }
      x[j] = row.getDouble(j);
      if (!Double.isFinite(x[j])) {
        throw new UserError(file + ": column '" + names.get(j) + "' has the value " + x[j]
            + ", not a finite number");
      }
    }
    return model.predict(x);
  }

  /** A CSV column read as text holds something that is not a number: name the first one. */
  private static void reportFirstNonNumber(Dataset<Row> input, String name, String source) {
    Column column = col(quoted(name));
    List<Row> bad = input.where(column.isNotNull().and(toDoubleOrNull(name).isNull()))
        .select(column, input_file_name()).limit(1).collectAsList();
    if (!bad.isEmpty()) {
      String file = bad.get(0).getString(1);
      throw new UserError((file.isEmpty() ? source : file) + ", column '" + name + "': '"
          + bad.get(0).getString(0) + "' is not a number");
    }
  }

  private static void checkCsvCanHold(StructType schema, String source) {
    for (StructField field : schema.fields()) {
      DataType t = field.dataType();
      if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType
          || t instanceof BinaryType) {
        throw UserError.usage(source + ": column '" + field.name() + "' has type "
            + t.simpleString() + ", which CSV cannot hold; write Parquet (--format parquet)");
      }
    }
  }

  /** The text as a double, null when it is not a number (SQL's try_cast, on every Spark line). */
  private static Column toDoubleOrNull(String name) {
    return functions.expr("try_cast(" + quoted(name) + " AS DOUBLE)");
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
