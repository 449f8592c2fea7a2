package org.sparkgd.output;

import com.fasterxml.jackson.databind.JsonNode;
import org.sparkgd.UserError;

/**
 * Typed, checked reads of a JSON file's fields: a missing or mistyped field is a one-line
 * {@link UserError} naming the file and the field.
 */
final class JsonFields {
  private final String source;

  /** @param source the file named in errors */
  JsonFields(String source) {
    this.source = source;
  }

  JsonNode field(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new UserError(source + ": not a sparkgd model: no '" + name + "'");
    }
    return node;
  }

  String text(JsonNode parent, String name) {
    JsonNode node = field(parent, name);
    if (!node.isTextual()) {
      throw new UserError(source + ": '" + name + "' is not a string");
    }
    return node.asText();
  }

  JsonNode object(JsonNode parent, String name) {
    JsonNode node = field(parent, name);
    if (!node.isObject()) {
      throw new UserError(source + ": '" + name + "' is not an object");
    }
    return node;
  }

  JsonNode array(JsonNode parent, String name) {
    JsonNode node = field(parent, name);
    if (!node.isArray()) {
      throw new UserError(source + ": '" + name + "' is not an array");
    }
    return node;
  }

  /** A number; "NaN" and "Infinity" (as Jackson writes non-finite doubles) are accepted too. */
  double number(JsonNode parent, String name) {
    return value(field(parent, name), name);
  }

  double[] numbers(JsonNode parent, String name, int expected) {
    JsonNode node = array(parent, name);
    if (node.size() != expected) {
      throw new UserError(source + ": '" + name + "' has " + node.size() + " values for "
          + expected + " features");
    }
    double[] values = new double[expected];
    for (int j = 0; j < expected; j++) {
      values[j] = value(node.get(j), name);
    }
    return values;
  }

  private double value(JsonNode node, String name) {
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

  /** An optional metric: model.json writes an undefined one as null. */
  static double optionalNumber(JsonNode node) {
    return node.isNumber() ? node.doubleValue() : Double.NaN;
  }
}
