package org.sparkgd.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparkgd.config.FitConfig;
import org.sparkgd.data.Standardization;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.DescentResult;

/** Writes {@code model.json}: the coefficients on both scales, how the fit ended, and its config. */
public final class ModelWriter {
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ModelWriter() {}

  public static ObjectNode toJson(LinearModel model, DescentResult result, long rows,
      int partitions, FitConfig config, List<String> warnings, String sparkVersion) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    putModel(root, model);
    root.put("mode", config.mode().name().toLowerCase());
    root.put("rows", rows);
    root.put("partitions", partitions);
    root.put("iterations", result.updates());
    root.put("final_cost", result.finalCost());
    root.put("stop_reason", result.stopReason().label());
    root.set("warnings", JSON.valueToTree(warnings));
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
