package org.sparkgd.formula;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkgd.UserError;

/** The design saved in model.json reads back as the same design. */
class DesignJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Design design(String formula) {
    return Formula.parse(formula).bind(List.of("TV", "radio", "market", "sales"),
        Map.of("TV", ColumnKind.NUMERIC, "radio", ColumnKind.NUMERIC, "market",
            ColumnKind.STRING, "sales", ColumnKind.NUMERIC),
        Map.of("market", List.of("south", "east", "north")));
  }

  @Test
  void roundTripsThroughText() throws Exception {
    for (String f : List.of("sales ~ TV * market + I(radio^2)", "sales ~ market - 1",
        "sales ~ TV:market", "sales ~ 1", "sales ~ . - 1")) {
      Design d = design(f);
      String text = JSON.writeValueAsString(d.toJson());
      Design back = Design.fromJson(JSON.readTree(text));
      assertEquals(d.formula(), back.formula(), f);
      assertEquals(d.label(), back.label(), f);
      assertEquals(d.intercept(), back.intercept(), f);
      assertEquals(d.columnNames(), back.columnNames(), f);
      assertEquals(d.termLabels(), back.termLabels(), f);
      assertEquals(d.terms(), back.terms(), f);
      assertEquals(d.numericColumns(), back.numericColumns(), f);
      assertEquals(d.stringColumns(), back.stringColumns(), f);
      assertEquals(d.levels(), back.levels(), f);
      double[] numbers = new double[d.numericColumns().size()];
      java.util.Arrays.fill(numbers, 3);
      String[] strings = new String[d.stringColumns().size()];
      java.util.Arrays.fill(strings, "south");
      double[] a = new double[d.width()];
      double[] b = new double[d.width()];
      d.expand(numbers, strings, a);
      back.expand(numbers, strings, b);
      assertArrayEquals(a, b, f);
    }
  }

  @Test
  void savesASmallReadableTree() throws Exception {
    JsonNode expected = JSON.readTree("""
        {"version": 1, "formula": "sales ~ TV * market", "label": "sales", "intercept": true,
         "terms": [
           {"term": "TV", "variables": [{"column": "TV", "power": 1, "coding": "numeric"}]},
           {"term": "market",
            "variables": [{"column": "market", "power": 1, "coding": "contrasts"}]},
           {"term": "TV:market", "variables": [{"column": "TV", "power": 1, "coding": "numeric"},
              {"column": "market", "power": 1, "coding": "contrasts"}]}],
         "levels": {"market": ["east", "north", "south"]},
         "columns": ["TV", "marketnorth", "marketsouth", "TV:marketnorth", "TV:marketsouth"]}
        """);
    assertEquals(expected, design("sales ~ TV * market").toJson());
  }

  @Test
  void unknownVersionAndBrokenTreesAreClearErrors() {
    ObjectNode json = design("sales ~ TV + market").toJson();
    json.put("version", 2);
    assertEquals("the model's formula design cannot be read: version 2 is not known to this "
        + "build (it reads version 1)",
        assertThrows(UserError.class, () -> Design.fromJson(json)).getMessage());

    ObjectNode noLevels = design("sales ~ TV + market").toJson();
    noLevels.remove("levels");
    assertEquals("the model's formula design cannot be read: 'levels' is missing",
        assertThrows(UserError.class, () -> Design.fromJson(noLevels)).getMessage());

    ObjectNode missingFactor = design("sales ~ TV + market").toJson();
    missingFactor.putObject("levels");
    assertEquals("the model's formula design cannot be read: no levels for string column market",
        assertThrows(UserError.class, () -> Design.fromJson(missingFactor)).getMessage());

    ObjectNode edited = design("sales ~ TV + market").toJson();
    edited.putArray("columns").add("TV");
    assertEquals("the model's formula design cannot be read: its columns [TV] do not match its"
        + " terms, which give [TV, marketnorth, marketsouth]",
        assertThrows(UserError.class, () -> Design.fromJson(edited)).getMessage());

    ObjectNode badCoding = design("sales ~ TV").toJson();
    ((ObjectNode) badCoding.get("terms").get(0).get("variables").get(0)).put("coding", "odd");
    assertEquals("the model's formula design cannot be read: the variable "
        + "{\"column\":\"TV\",\"power\":1,\"coding\":\"odd\"} is not valid",
        assertThrows(UserError.class, () -> Design.fromJson(badCoding)).getMessage());
  }
}
