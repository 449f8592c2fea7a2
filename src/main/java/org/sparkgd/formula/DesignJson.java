package org.sparkgd.formula;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparkgd.UserError;

/**
 * Reads and writes a {@link Design} as the {@code formula} object of {@code model.json}: the
 * text, the intercept, the terms with their coding, and the levels of each factor. The column
 * names are saved too, for people, and checked on reading.
 */
final class DesignJson {
  static final int VERSION = 1;

  private DesignJson() {}

  static ObjectNode toJson(Design design) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("version", VERSION);
    root.put("formula", design.formula());
    root.put("label", design.label());
    root.put("intercept", design.intercept());
    ArrayNode terms = root.putArray("terms");
    List<String> labels = design.termLabels();
    List<List<CodedVariable>> coded = design.terms();
    for (int j = 0; j < coded.size(); j++) {
      ObjectNode term = terms.addObject();
      term.put("term", labels.get(j));
      ArrayNode variables = term.putArray("variables");
      for (CodedVariable v : coded.get(j)) {
        ObjectNode variable = variables.addObject();
        variable.put("column", v.variable().column());
        variable.put("power", v.variable().power());
        variable.put("coding", v.coding().name().toLowerCase(Locale.ROOT));
      }
    }
    ObjectNode levels = root.putObject("levels");
    design.levels().forEach((column, values) -> {
      ArrayNode array = levels.putArray(column);
      values.forEach(array::add);
    });
    ArrayNode columns = root.putArray("columns");
    design.columnNames().forEach(columns::add);
    return root;
  }

  static Design fromJson(JsonNode root) {
    int version = required(root, "version").asInt(-1);
    if (version != VERSION) {
      throw bad("version " + required(root, "version") + " is not known to this build (it "
          + "reads version " + VERSION + ")");
    }
    List<List<CodedVariable>> terms = new ArrayList<>();
    for (JsonNode term : array(root, "terms")) {
      List<CodedVariable> variables = new ArrayList<>();
      for (JsonNode v : array(term, "variables")) {
        variables.add(variable(v));
      }
      terms.add(variables);
    }
    Map<String, List<String>> levels = new LinkedHashMap<>();
    JsonNode levelsNode = required(root, "levels");
    levelsNode.fieldNames().forEachRemaining(column -> {
      List<String> values = new ArrayList<>();
      array(levelsNode, column).forEach(value -> values.add(value.asText()));
      levels.put(column, values);
    });
    Design design;
    try {
      design = new Design(required(root, "formula").asText(), required(root, "label").asText(),
          required(root, "intercept").asBoolean(), terms, levels);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    JsonNode columns = root.get("columns");
    if (columns != null) {
      List<String> saved = new ArrayList<>();
      columns.forEach(c -> saved.add(c.asText()));
      if (!saved.equals(design.columnNames())) {
        throw bad("its columns " + saved + " do not match its terms, which give "
            + design.columnNames());
      }
    }
    return design;
  }

  private static CodedVariable variable(JsonNode v) {
    String coding = required(v, "coding").asText();
    try {
      return new CodedVariable(new Variable(required(v, "column").asText(),
          required(v, "power").asInt()), Coding.valueOf(coding.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw bad("the variable " + v + " is not valid");
    }
  }

  private static JsonNode array(JsonNode node, String field) {
    JsonNode a = required(node, field);
    if (!a.isArray()) {
      throw bad("'" + field + "' is not a list");
    }
    return a;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw bad("'" + field + "' is missing");
    }
    return value;
  }

  private static UserError bad(String what) {
    return new UserError("the model's formula design cannot be read: " + what);
  }
}
