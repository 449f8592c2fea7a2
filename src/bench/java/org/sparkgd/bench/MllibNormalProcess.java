package org.sparkgd.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * MLlib's exact solve as a user runs it, in its own fresh JVM ({@code main}): read the CSV with
 * Spark's reader and a given all-double schema (no inference pass), {@code VectorAssembler},
 * {@code LinearRegression} with {@code solver=normal}, and its summary's standard errors (the
 * inference sparkgd prints too). Prints {@code MLLIB_COEF <intercept> <coefficients…>}.
 */
final class MllibNormalProcess {
  private MllibNormalProcess() {}

  /** Arguments: file, label, features… (the file's columns: those features, then the label). */
  public static void main(String[] args) {
    String file = args[0];
    String label = args[1];
    String[] features = Arrays.copyOfRange(args, 2, args.length);
    SparkSession spark = SparkSession.builder().master("local[*]").appName("mllib normal")
        .config("spark.ui.showConsoleProgress", "false").getOrCreate();
    try {
      List<StructField> fields = new ArrayList<>();
      for (String feature : features) {
        fields.add(DataTypes.createStructField(feature, DataTypes.DoubleType, false));
      }
      fields.add(DataTypes.createStructField(label, DataTypes.DoubleType, false));
      Dataset<Row> rows = spark.read().option("header", "true")
          .schema(new StructType(fields.toArray(StructField[]::new))).csv(file);
      Dataset<Row> assembled = new VectorAssembler().setInputCols(features)
          .setOutputCol("features").transform(rows);
      LinearRegressionModel model = new LinearRegression().setSolver("normal")
          .setLabelCol(label).fit(assembled);
      double[] se = model.summary().coefficientStandardErrors();
      StringBuilder line = new StringBuilder("MLLIB_COEF ").append(model.intercept());
      for (double b : model.coefficients().toArray()) {
        line.append(' ').append(b);
      }
      System.out.println(line);
      System.out.println("MLLIB_SE_COUNT " + se.length);
    } finally {
      spark.stop();
    }
  }
}
