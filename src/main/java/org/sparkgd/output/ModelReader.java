package org.sparkgd.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparkgd.UserError;
import org.sparkgd.data.Standardization;
import org.sparkgd.model.LinearModel;

/**
 * Rebuilds a {@link LinearModel} from a {@code model.json} (as {@link ModelWriter#putModel}
 * wrote it): the standardized coefficients and the training statistics, so predictions apply
 * the standardization exactly as the fit did. Doubles round-trip exactly through the JSON.
 */
public final class ModelReader {
  public static final String FILE = "model.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelReader() {}

  /** @param path a fit's output folder, or its model.json itself */
  public static LinearModel read(Configuration conf, String path) {
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
      throw new UserError(file + ": no such file; give the output folder of a sparkgd fit (it "
          + "holds " + FILE + ")", e);
    } catch (JsonProcessingException e) {
      throw new UserError(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UserError(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** @param source the file named in errors */
  public static LinearModel fromJson(JsonNode root, String source) {
    int version = root.path("format_version").asInt(ModelWriter.FORMAT_VERSION);
    if (version > ModelWriter.FORMAT_VERSION) {
      throw new UserError(source + ": format_version " + version + " was written by a newer "
          + "sparkgd (this one reads up to " + ModelWriter.FORMAT_VERSION + ")");
    }
    String label = text(root, "label", source);
    List<String> features = new ArrayList<>();
    for (JsonNode f : array(root, "features", source)) {
      features.add(f.asText());
    }
    JsonNode scaling = object(root, "standardization", source);
    JsonNode standardized = object(root, "standardized", source);
    double[] means = numbers(scaling, "feature_means", features.size(), source);
    double[] stds = numbers(scaling, "feature_stds", features.size(), source);
    double[] coefficients = numbers(standardized, "coefficients", features.size(), source);
    double[] theta = new double[features.size() + 1];
    theta[0] = number(standardized, "intercept", source);
    System.arraycopy(coefficients, 0, theta, 1, coefficients.length);
    Standardization s = new Standardization(means, stds, number(scaling, "label_mean", source),
        number(scaling, "label_std", source));
    return new LinearModel(label, features, s, theta);
  }

  private static JsonNode field(JsonNode parent, String name, String source) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new UserError(source + ": not a sparkgd model: no '" + name + "'");
    }
    return node;
  }

  private static String text(JsonNode parent, String name, String source) {
    JsonNode node = field(parent, name, source);
    if (!node.isTextual()) {
      throw new UserError(source + ": '" + name + "' is not a string");
    }
    return node.asText();
  }

  private static JsonNode object(JsonNode parent, String name, String source) {
    JsonNode node = field(parent, name, source);
    if (!node.isObject()) {
      throw new UserError(source + ": '" + name + "' is not an object");
    }
    return node;
  }

  private static JsonNode array(JsonNode parent, String name, String source) {
    JsonNode node = field(parent, name, source);
    if (!node.isArray()) {
      throw new UserError(source + ": '" + name + "' is not an array");
    }
    return node;
  }

  /** A number; "NaN" and "Infinity" (as Jackson writes non-finite doubles) are accepted too. */
  private static double number(JsonNode parent, String name, String source) {
    JsonNode node = field(parent, name, source);
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new UserError(source + ": '" + name + "' is not a number: " + node);
  }

  private static double[] numbers(JsonNode parent, String name, int expected, String source) {
    JsonNode node = array(parent, name, source);
    if (node.size() != expected) {
      throw new UserError(source + ": '" + name + "' has " + node.size() + " values for "
          + expected + " features");
    }
    double[] values = new double[expected];
    for (int j = 0; j < expected; j++) {
      values[j] = number(node, j, name, source);
    }
    return values;
  }

  private static double number(JsonNode array, int index, String name, String source) {
    JsonNode node = array.get(index);
    if (node.isNumber()) {
      return node.doubleValue();
    }
    try {
      return Double.parseDouble(node.asText());
    } catch (NumberFormatException e) {
      throw new UserError(source + ": '" + name + "' holds " + node + ", not a number");
    }
  }
}
