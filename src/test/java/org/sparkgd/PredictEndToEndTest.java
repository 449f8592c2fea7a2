package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkgd.cli.CliRunner.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;
import org.sparkgd.model.LinearModel;
import org.sparkgd.output.ModelJson;

/** sparkgd predict: a fitted model applied to new rows, through the command line. */
class PredictEndToEndTest {
  private static final int ROWS = 400;
  private static final TestData DATA = TestData.generate(ROWS, 31);

  @TempDir
  static Path dir;
  static Path model;
  static Path newRows;

  /** Fits a model, and writes "new" rows: no label, an id and a text column besides. */
  @BeforeAll
  static void fit() {
    model = dir.resolve("model");
    CliRunner.Result r = CliRunner.fit(DATA.writeCsv(dir.resolve("train.csv")), model,
        "--learning-rate", "0.4", "--max-iterations", "10");
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = new ArrayList<>(List.of("id,x3,note,x1,x2"));
    for (int i = 0; i < ROWS; i++) {
      lines.add(i + "," + DATA.x[i][2] + ",row " + i + "," + DATA.x[i][0] + "," + DATA.x[i][1]);
    }
    newRows = TestData.write(dir.resolve("new.csv"), lines);
  }

  private static CliRunner.Result predict(Path input, Path output, String... options) {
    List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(),
        "--input", input.toString(), "--output", output.toString()));
    args.addAll(List.of(options));
    return CliRunner.run(args.toArray(new String[0]));
  }

  private static List<Row> read(Path output, String format) {
    return SparkTestSession.get().read().format(format).option("header", "true")
        .option("inferSchema", "true").load(output.toString()).orderBy("id").collectAsList();
  }

  @Test
  void addsThePredictionToEveryRowAndKeepsEveryColumn() {
    Path output = dir.resolve("predicted-csv");
    CliRunner.Result r = predict(newRows, output);
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("wrote 400 rows with 'prediction' (predicted y) to " + output + " (csv)",
        r.out().strip());
    LinearModel fitted = ModelJson.read(new Configuration(), model.toString()).model();
    JsonNode json = CliRunner.model(model);
    double intercept = json.get("intercept").asDouble();
    double[] beta = doubles(json.get("coefficients"));
    List<Row> rows = read(output, "csv");
    assertEquals(ROWS, rows.size());
    assertEquals(List.of("id", "x3", "note", "x1", "x2", "prediction"),
        List.of(rows.get(0).schema().fieldNames()));
    for (int i = 0; i < ROWS; i++) {
      Row row = rows.get(i);
      assertEquals("row " + i, row.getAs("note"));
      double predicted = row.getAs("prediction");
      // Exactly the model's own arithmetic (the standardization of training), and the
      // original-scale formula up to rounding.
      assertEquals(fitted.predict(DATA.x[i]), predicted, 0, "row " + i);
      double plain = intercept + beta[0] * DATA.x[i][0] + beta[1] * DATA.x[i][1]
          + beta[2] * DATA.x[i][2];
      assertEquals(plain, predicted, 1e-9 * Math.abs(plain), "row " + i);
    }
  }

  @Test
  void writesParquetWhenAskedAndReadsParquetInput() {
    Path parquet = dir.resolve("predicted-parquet");
    assertEquals(0, predict(newRows, parquet, "--format", "parquet").exitCode());
    Dataset<Row> frame = SparkTestSession.get().read().parquet(parquet.toString());
    assertEquals(DataTypes.IntegerType, frame.schema().apply("id").dataType());
    assertEquals(DataTypes.DoubleType, frame.schema().apply("prediction").dataType());
    // Parquet input (the previous output, without its prediction): Parquet output by default.
    Path input = dir.resolve("input-parquet");
    frame.drop("prediction").write().parquet(input.toString());
    Path again = dir.resolve("predicted-again");
    CliRunner.Result r = predict(input, again);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("(parquet)"), r.out());
    List<Row> a = read(parquet, "parquet");
    List<Row> b = read(again, "parquet");
    for (int i = 0; i < ROWS; i++) {
      assertEquals((double) a.get(i).getAs("prediction"), (double) b.get(i).getAs("prediction"),
          0);
    }
  }

  @Test
  void missingFeatureColumnsAreNamedInOneLine() {
    Path input = TestData.write(dir.resolve("missing.csv"), "row_number,X1,x3\n1,2,3\n");
    Path output = dir.resolve("not-written");
    CliRunner.Result r = predict(input, output);
    assertEquals(3, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().strip().endsWith("missing.csv: no columns 'x1' (did you mean 'X1'?), "
        + "'x2'; the model's features are x1, x2, x3; the columns are: row_number, X1, x3"),
        r.err());
    assertFalse(Files.exists(output));
  }

  @Test
  void aCellThatIsNotANumberIsNamed() {
    Path input = TestData.write(dir.resolve("bad.csv"), "x1,x2,x3\n1,2,3\n4,five,6\n");
    CliRunner.Result r = predict(input, dir.resolve("bad-out"));
    assertEquals(3, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().strip().endsWith("bad.csv, column 'x2': 'five' is not a number"),
        r.err());
  }

  @Test
  void anEmptyFeatureValueFailsWithoutAnOutput() {
    Path input = TestData.write(dir.resolve("empty.csv"), "x1,x2,x3\n1,2,3\n4,,6\n");
    Path output = dir.resolve("empty-out");
    CliRunner.Result r = predict(input, output);
    assertEquals(3, r.exitCode(), r.err());
    assertTrue(r.err().contains("empty.csv: column 'x2' has an empty value"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(output));
  }

  @Test
  void anExistingOutputIsRefusedAndAModelFolderWithoutAModelToo() {
    CliRunner.Result exists = predict(newRows, model);
    assertEquals(3, exists.exitCode());
    assertTrue(exists.err().contains("already exists"), exists.err());
    CliRunner.Result noModel = CliRunner.run("predict", "--model", dir.toString(), "--input",
        newRows.toString(), "--output", dir.resolve("x").toString());
    assertEquals(3, noModel.exitCode());
    assertTrue(noModel.err().contains("model.json: no such file"), noModel.err());
  }
}
