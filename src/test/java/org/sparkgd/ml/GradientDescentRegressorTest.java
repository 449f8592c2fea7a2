package org.sparkgd.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkgd.cli.CliRunner.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.LeastSquaresReference;
import org.sparkgd.SparkTestSession;
import org.sparkgd.TestData;
import org.sparkgd.cli.CliRunner;
import org.sparkgd.model.LinearModel;
import org.sparkgd.output.ModelJson;

/** The Spark ML API against the command line, on the same rows. */
class GradientDescentRegressorTest {
  private static final TestData DATA = TestData.generate(1500, 37);

  @TempDir
  static Path dir;
  static Path csv;
  static Dataset<Row> frame;

  @BeforeAll
  static void write() {
    csv = DATA.writeCsv(dir.resolve("data.csv"));
    frame = SparkTestSession.csv(csv.toString());
  }

  private static Pipeline pipeline(GradientDescentRegressor regressor) {
    VectorAssembler assembler = new VectorAssembler()
        .setInputCols(new String[] {"x1", "x2", "x3"}).setOutputCol("features");
    return new Pipeline().setStages(new PipelineStage[] {assembler, regressor.setLabelCol("y")});
  }

  private static GradientDescentRegressionModel regression(PipelineModel model) {
    return (GradientDescentRegressionModel) model.stages()[1];
  }

  private static void assertSameAsTheCli(GradientDescentRegressionModel ml, Path cli) {
    JsonNode json = CliRunner.model(cli);
    double[] expected = new double[4];
    expected[0] = json.get("intercept").asDouble();
    System.arraycopy(doubles(json.get("coefficients")), 0, expected, 1, 3);
    double[] actual = new double[4];
    actual[0] = ml.intercept();
    System.arraycopy(ml.coefficients().toArray(), 0, actual, 1, 3);
    assertTrue(LeastSquaresReference.maxRelativeError(actual, expected, 1e-9) < 1e-12,
        java.util.Arrays.toString(actual) + " vs " + java.util.Arrays.toString(expected));
    assertEquals(json.get("iterations").asLong(), ml.iterations());
    assertEquals(json.get("stop_reason").asText(), ml.stopReason().label());
    assertEquals(json.get("metrics").get("training").get("rmse").asDouble(),
        ml.trainingMetrics().rmse(), 1e-12);
  }

  @Test
  void aPipelineFitGivesTheCoefficientsOfTheCommandLine() {
    Path cli = dir.resolve("cli-batch");
    CliRunner.Result r = CliRunner.fit(csv, cli, "--learning-rate", "0.3", "--max-iterations",
        "40", "--tolerance", "0");
    assertEquals(0, r.exitCode(), r.err());
    PipelineModel model = pipeline(new GradientDescentRegressor().setLearningRate(0.3)
        .setMaxIter(40).setTol(0)).fit(frame);
    GradientDescentRegressionModel fitted = regression(model);
    assertSameAsTheCli(fitted, cli);
    assertEquals(List.of("x1", "x2", "x3"), fitted.linearModel().features());
    assertEquals(41, fitted.history().size());
    // Its predictions are the CLI model's, row by row.
    LinearModel saved = ModelJson.read(new Configuration(), cli.toString()).model();
    List<Row> rows = model.transform(frame).select("x1", "x2", "x3", "prediction")
        .collectAsList();
    for (Row row : rows) {
      double[] x = {row.getDouble(0), row.getDouble(1), row.getDouble(2)};
      assertEquals(saved.predict(x), row.getDouble(3), 1e-12 * Math.abs(row.getDouble(3)));
    }
  }

  @Test
  void miniBatchParamsRunTheSameSampledDescentAsTheCommandLine() {
    Path cli = dir.resolve("cli-minibatch");
    CliRunner.Result r = CliRunner.fit(csv, cli, "--mode", "minibatch", "--batch-fraction",
        "0.2", "--seed", "9", "--learning-rate", "0.1", "--max-iterations", "25");
    assertEquals(0, r.exitCode(), r.err());
    PipelineModel model = pipeline(new GradientDescentRegressor().setMode("minibatch")
        .setBatchFraction(0.2).setSeed(9).setLearningRate(0.1).setMaxIter(25)).fit(frame);
    assertSameAsTheCli(regression(model), cli);
  }

  @Test
  void aSavedAndReloadedPipelinePredictsIdentically() throws IOException {
    PipelineModel model = pipeline(new GradientDescentRegressor().setMaxIter(15)).fit(frame);
    String path = dir.resolve("pipeline").toString();
    model.write().save(path);
    // No .crc among our stage's files (stages/1_UID); the pipeline's and VectorAssembler's
    // metadata are Spark's own writers' (README: spark.hadoop.fs.file.impl avoids theirs).
    try (java.util.stream.Stream<Path> stages = java.nio.file.Files.list(
        dir.resolve("pipeline/stages"))) {
      assertNoChecksums(stages.filter(f -> f.getFileName().toString().startsWith("1_"))
          .findFirst().orElseThrow());
    }
    PipelineModel loaded = PipelineModel.load(path);
    List<Row> before = model.transform(frame).select("prediction").collectAsList();
    List<Row> after = loaded.transform(frame).select("prediction").collectAsList();
    assertEquals(before, after);
    GradientDescentRegressionModel reloaded = regression(loaded);
    assertEquals(regression(model).uid(), reloaded.uid());
    assertEquals(15, reloaded.iterations());
    assertEquals(regression(model).trainingMetrics(), reloaded.trainingMetrics());
    assertEquals("y", reloaded.getLabelCol());
    // The inference is saved with the model: the same R table before and after.
    assertEquals(regression(model).inference().terms(), reloaded.inference().terms());
    assertEquals(regression(model).summary(), reloaded.summary());
    assertTrue(reloaded.summary().contains("Std. Error"), reloaded.summary());
    assertEquals("x3", reloaded.inference().terms().get(3).term());
  }

  @Test
  void aSavedModelLeavesNoChecksumFiles() throws IOException {
    PipelineModel model = pipeline(new GradientDescentRegressor().setMaxIter(5)).fit(frame);
    Path saved = dir.resolve("model");
    regression(model).write().save(saved.toString());
    assertNoChecksums(saved);
    assertEquals(5, GradientDescentRegressionModel.load(saved.toString()).iterations());
  }

  private static void assertNoChecksums(Path folder) throws IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
      List<Path> all = files.toList();
      assertTrue(all.stream().anyMatch(f -> f.getFileName().toString().startsWith("part-")),
          "the metadata was written: " + all);
      assertEquals(List.of(), all.stream()
          .filter(f -> f.getFileName().toString().endsWith(".crc")).toList());
    }
  }

  @Test
  void theEstimatorSavesItsParamsAndRefusesBadValues() throws IOException {
    GradientDescentRegressor regressor = new GradientDescentRegressor().setLearningRate(0.05)
        .setMode("minibatch").setAggregationDepth(3);
    String path = dir.resolve("estimator").toString();
    regressor.write().save(path);
    assertNoChecksums(dir.resolve("estimator"));
    GradientDescentRegressor loaded = GradientDescentRegressor.load(path);
    assertEquals(0.05, loaded.getLearningRate(), 0);
    assertEquals("minibatch", loaded.getMode());
    assertEquals(3, loaded.getAggregationDepth());
    assertThrows(IllegalArgumentException.class, () -> regressor.setLearningRate(-1));
    assertThrows(IllegalArgumentException.class, () -> regressor.setStep("sideways"));
    assertThrows(IllegalArgumentException.class, () -> regressor.setMode("sgd"));
    assertThrows(IllegalArgumentException.class, () -> regressor.setBatchFraction(1.5));
  }

  /** Every fitting option of the command line is a Param, with the same default. */
  @Test
  void theParamsAreTheOptionsOfFitWithTheirDefaults() {
    GradientDescentRegressor regressor = new GradientDescentRegressor();
    String[][] pairs = {{"maxIter", "--max-iterations"},
        {"tol", "--tolerance"}, {"batchFraction", "--batch-fraction"}, {"seed", "--seed"},
        {"divergenceFactor", "--divergence-factor"}, {"aggregationDepth", "--tree-depth"},
        {"regParam", "--lambda"}};
    for (String[] pair : pairs) {
      Object value = regressor.getOrDefault(regressor.getParam(pair[0]));
      assertEquals(Double.parseDouble(CliRunner.defaultOf("fit", pair[1])),
          ((Number) value).doubleValue(), 0, pair[0]);
    }
    assertEquals(CliRunner.defaultOf("fit", "--learning-rate"), "auto");
    assertEquals(0.0, regressor.getLearningRate(), 0, "learningRate 0 means auto");
    for (String[] pair : new String[][] {{"mode", "--mode"}, {"solver", "--solver"},
        {"step", "--step"}, {"update", "--update"}, {"schedule", "--schedule"}}) {
      assertEquals(CliRunner.defaultOf("fit", pair[1]),
          regressor.getOrDefault(regressor.getParam(pair[0])), pair[0]);
    }
    // elasticNetParam's default (0, ridge once regParam > 0) differs from --l1-ratio's (0.5,
    // which matters only for --penalty elastic-net): Spark ML's convention.
    // weightCol and fitIntercept are --weight and --no-intercept (RowParamsTest), formula is
    // --formula (FormulaParamTest).
    assertEquals(pairs.length + 1 + 6 + 3 + 3, regressor.params().length,
        "these, learningRate, mode, solver, step, update, schedule, elasticNetParam, "
            + "weightCol, fitIntercept, formula, and the features, label and prediction columns");
  }
}
