package org.sparkgd.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparkgd.UserError;
import org.sparkgd.data.Standardization;
import org.sparkgd.formula.Design;
import org.sparkgd.model.FitStatistics;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.stats.Inference;
import org.sparkgd.stats.TermInference;

/**
 * The one reader and writer of {@code model.json}: the model (both scales, the standardization),
 * how the fit ended and its metrics. A fit's file adds its runs and configuration
 * ({@link FitModelJson}); the Spark ML model saves the same core. Doubles round-trip exactly.
 */
public final class ModelJson {
  public static final String FILE = "model.json";
  public static final int FORMAT_VERSION = 1;
  /** The formula's design ({@link Design#toJson()}), present only for a fit by formula. */
  static final String FORMULA = "formula";
  static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ModelJson() {}

  /**
   * What a model.json holds that its readers use.
   *
   * @param design the formula's design new rows are expanded by, or null
   */
  public record Saved(LinearModel model, String mode, long rows, String stopReason,
      long iterations, RegressionMetrics training, JsonNode runs, FitStatistics statistics,
      Design design) {}

  /** The core every model.json starts with: format version and the model itself. */
  static ObjectNode model(LinearModel model) {
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
    return root;
  }

  /**
   * The Spark ML model's file: the core, how the fit ended, its training metrics and its
   * inference ({@code statistics} may be null), and the formula's design (null without one).
   */
  public static ObjectNode estimatorModel(LinearModel model, String stopReason, long iterations,
      RegressionMetrics training, FitStatistics statistics, Design design) {
    ObjectNode root = model(model);
    root.put("iterations", iterations);
    root.put("stop_reason", stopReason);
    putMetrics(root, training, null);
    if (statistics != null) {
      putEstimates(root, statistics.inference());
      InferenceJson.put(root, statistics);
    }
    if (design != null) {
      root.set(FORMULA, design.toJson());
    }
    return root;
  }

  /**
   * {@code intercept} and {@code coefficients} from the inference's estimates where defined:
   * for --solver normal they are the refined least-squares values, whose intercept the
   * standardized θ cannot carry to every digit (mapping it back cancels large terms).
   */
  static void putEstimates(ObjectNode root, Inference inference) {
    if (inference == null) {
      return;
    }
    List<TermInference> terms = inference.terms();
    int first = inference.intercept() ? 1 : 0;
    if (first == 1 && !terms.get(0).aliased()) {
      root.put("intercept", terms.get(0).estimate());
    }
    com.fasterxml.jackson.databind.node.ArrayNode coefficients =
        (com.fasterxml.jackson.databind.node.ArrayNode) root.get("coefficients");
    for (int j = first; j < terms.size(); j++) {
      if (!terms.get(j).aliased()) {
        coefficients.set(j - first, terms.get(j).estimate());
      }
    }
  }

  /**
   * {@code metrics}: RMSE, MAE and R² on the original scale for the training rows and, when
   * rows were held out, the test rows ({@code test} is null otherwise). An undefined R² (the
   * rows' label does not vary) is null.
   */
  static void putMetrics(ObjectNode root, RegressionMetrics training, RegressionMetrics test) {
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

  /** A number, or null when it is not finite (not defined). */
  static void putFinite(ObjectNode node, String name, double value) {
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

  /** @param path a fit's output folder, or its model.json itself */
  public static Saved read(Configuration conf, String path) {
    Path file = new Path(path);
    try {
      FileSystem fs = file.getFileSystem(conf);
      boolean folder = fs.getFileStatus(file).isDirectory();
      Path dir = folder ? file : file.getParent();
      if (folder) {
        file = new Path(file, FILE);
      }
      fs.getFileStatus(file);
      // A fit's output folder counts once complete; a model.json copied elsewhere reads as is.
      if (folder || fs.exists(new Path(dir, "history"))) {
        OutputCommitter.requireComplete(conf, dir.toString());
      }
      try (InputStream in = fs.open(file)) {
        return fromJson(JSON.readTree(in), file.toString());
      }
    } catch (FileNotFoundException e) {
      throw new UserError(file + ": no such file; give a fit's output folder (it "
          + "holds " + FILE + ")", e);
    } catch (JsonProcessingException e) {
      throw new UserError(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UserError(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** @param source the file named in errors */
  public static Saved fromJson(JsonNode root, String source) {
    int version = root.path("format_version").asInt(FORMAT_VERSION);
    if (version > FORMAT_VERSION) {
      throw new UserError(source + ": format_version " + version + " was written by a newer "
          + "sparkgd (this one reads up to " + FORMAT_VERSION + ")");
    }
    JsonFields f = new JsonFields(source);
    String label = f.text(root, "label");
    List<String> features = new ArrayList<>();
    for (JsonNode name : f.array(root, "features")) {
      features.add(name.asText());
    }
    JsonNode scaling = f.object(root, "standardization");
    JsonNode standardized = f.object(root, "standardized");
    double[] coefficients = f.numbers(standardized, "coefficients", features.size());
    double[] theta = new double[features.size() + 1];
    theta[0] = f.number(standardized, "intercept");
    System.arraycopy(coefficients, 0, theta, 1, coefficients.length);
    Standardization s = new Standardization(
        f.numbers(scaling, "feature_means", features.size()),
        f.numbers(scaling, "feature_stds", features.size()), f.number(scaling, "label_mean"),
        f.number(scaling, "label_std"));
    JsonNode training = root.path("metrics").path("training");
    RegressionMetrics metrics = training.isObject() ? new RegressionMetrics(
        training.path("rows").asLong(), JsonFields.optionalNumber(training.path("rmse")),
        JsonFields.optionalNumber(training.path("mae")),
        JsonFields.optionalNumber(training.path("r2"))) : null;
    return new Saved(new LinearModel(label, features, s, theta), root.path("mode").asText("batch"),
        root.path("rows").asLong(-1), root.path("stop_reason").asText("max_iterations"),
        root.path("iterations").asLong(), metrics, root.path("runs"), statistics(root),
        root.hasNonNull(FORMULA) ? Design.fromJson(root.get(FORMULA)) : null);
  }

  /** The saved inference (its costs are not saved with it: NaN), or null. */
  private static FitStatistics statistics(JsonNode root) {
    Inference inference = InferenceJson.read(root);
    return inference == null ? null : new FitStatistics(inference, InferenceJson.note(root),
        Double.NaN, Double.NaN, root.path("exact_reference").path("condition_number")
            .asDouble(Double.NaN));
  }
}
