package org.sparkgd.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.sparkgd.model.FitResult;
import org.sparkgd.config.FitConfig;
import org.sparkgd.data.SkippedRows;
import org.sparkgd.data.Standardization;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.engine.ExactReference;

/** Writes {@code model.json}: the coefficients on both scales, how the fit ended, and its config. */
public final class ModelWriter {
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ModelWriter() {}

  /** @param test the held-out rows' metrics, or null */
  public static ObjectNode toJson(FitConfig config, FitResult outcome, RegressionMetrics test,
      long rows, int partitions, SkippedRows skipped, String sparkVersion) {
    LinearModel model = outcome.model();
    DescentResult result = outcome.result();
    List<Double> gradientChecks = outcome.gradientChecks();
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    putModel(root, model);
    Standardization s = model.standardization();
    root.put("mode", config.mode().name().toLowerCase());
    root.put("rows", rows);
    root.put("partitions", partitions);
    root.put("best_run", result.run());
    root.put("iterations", result.updates());
    root.put("final_cost", result.finalCost());
    root.put("final_objective", result.finalObjective());
    root.put("stop_reason", result.stopReason().label());
    ExactReference reference = outcome.reference();
    if (reference != null) {
      ObjectNode exact = root.putObject("exact_reference");
      exact.put("optimal_objective", reference.optimalObjective());
      exact.put("optimality_gap", result.finalObjective() - reference.optimalObjective());
      exact.put("largest_curvature", reference.lipschitz());
      exact.put("safe_step", reference.safeStep());
    }
    ArrayNode runs = root.putArray("runs");
    for (DescentResult r : outcome.runs()) {
      LinearModel m = new LinearModel(model.label(), model.features(), s, r.theta());
      ObjectNode run = runs.addObject();
      run.put("name", r.run());
      run.put("settings", r.settings());
      run.put("best", r == result);
      run.put("intercept", m.intercept());
      run.set("coefficients", JSON.valueToTree(m.coefficients()));
      run.put("standardized_intercept", m.standardizedIntercept());
      run.set("standardized_coefficients", JSON.valueToTree(m.standardizedCoefficients()));
      run.put("iterations", r.updates());
      run.put("final_cost", r.finalCost());
      run.put("final_objective", r.finalObjective());
      run.put("stop_reason", r.stopReason().label());
    }
    putMetrics(root, outcome.training(), test);
    if (!gradientChecks.isEmpty()) {
      root.set("gradient_check_max_relative_difference", JSON.valueToTree(gradientChecks));
    }
    ObjectNode skippedRows = root.putObject("skipped_rows");
    skippedRows.put("count", skipped.count());
    skippedRows.set("examples", JSON.valueToTree(skipped.examples()));
    root.set("warnings", JSON.valueToTree(outcome.warnings()));
    root.set("config", JSON.valueToTree(config));
    root.put("spark_version", sparkVersion);
    return root;
  }

  /**
   * The model itself, all that {@link ModelReader} needs to rebuild it: label, features, the
   * coefficients on both scales, the standardization and the constant features.
   */
  public static ObjectNode putModel(ObjectNode root, LinearModel model) {
    root.put("label", model.label());
    root.set("features", JSON.valueToTree(model.features()));
    root.put("intercept", model.intercept());
    root.set("coefficients", JSON.valueToTree(model.coefficients()));
    ObjectNode standardized = root.putObject("standardized");
    standardized.put("intercept", model.standardizedIntercept());
    standardized.set("coefficients", JSON.valueToTree(model.standardizedCoefficients()));
    Standardization s = model.standardization();
    ObjectNode scaling = root.putObject("standardization");
    scaling.set("feature_means", JSON.valueToTree(s.featureMeans()));
    scaling.set("feature_stds", JSON.valueToTree(s.featureStds()));
    scaling.put("label_mean", s.labelMean());
    scaling.put("label_std", s.labelStd());
    List<String> constant = new ArrayList<>();
    for (int j : s.constantFeatures()) {
      constant.add(model.features().get(j));
    }
    root.set("constant_features", JSON.valueToTree(constant));
    return root;
  }

  /**
   * {@code metrics}: RMSE, MAE and R² on the original scale for the training rows and, when
   * rows were held out, the test rows ({@code test} is null otherwise). An undefined R² (the
   * rows' label does not vary) is null.
   */
  public static void putMetrics(ObjectNode root, RegressionMetrics training,
      RegressionMetrics test) {
    ObjectNode metrics = root.putObject("metrics");
    metrics.put("scale", "original");
    metrics.set("training", metricsJson(training));
    metrics.set("test", metricsJson(test));
  }

  private static JsonNode metricsJson(RegressionMetrics m) {
    if (m == null) {
      return NullNode.getInstance();
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("rows", m.rows());
    putFinite(node, "rmse", m.rmse());
    putFinite(node, "mae", m.mae());
    putFinite(node, "r2", m.r2());
    return node;
  }

  private static void putFinite(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  public static void write(FileSystem fs, Path file, ObjectNode json) throws IOException {
    try (OutputStream out = fs.create(file, false)) {
      JSON.writeValue(out, json);
    }
  }

  /** Reads a model.json back (for tests and tools). */
  public static ObjectNode read(FileSystem fs, Path file) throws IOException {
    try (var in = fs.open(file)) {
      return (ObjectNode) JSON.readTree(in);
    }
  }
}
