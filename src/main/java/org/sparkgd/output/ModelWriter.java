package org.sparkgd.output;

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
import org.sparkgd.FitOutcome;
import org.sparkgd.config.FitConfig;
import org.sparkgd.data.SkippedRows;
import org.sparkgd.data.Standardization;
import org.sparkgd.model.LinearModel;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.ExactReference;

/** Writes {@code model.json}: the coefficients on both scales, how the fit ended, and its config. */
public final class ModelWriter {
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ModelWriter() {}

  public static ObjectNode toJson(FitOutcome outcome, int partitions, SkippedRows skipped,
      List<Double> gradientChecks, String sparkVersion) {
    LinearModel model = outcome.model();
    DescentResult result = outcome.result();
    FitConfig config = outcome.config();
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
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
    root.put("mode", config.mode().name().toLowerCase());
    root.put("rows", outcome.rows());
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
