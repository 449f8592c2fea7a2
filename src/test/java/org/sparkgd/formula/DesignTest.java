package org.sparkgd.formula;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkgd.UserError;

/**
 * Dummy coding and row expansion against a hand-made table; the names and columns are those of
 * R's {@code model.matrix} on the same data.
 */
class DesignTest {
  private static final List<String> COLUMNS = List.of("TV", "radio", "market", "size", "sales");
  private static final Map<String, ColumnKind> KINDS = Map.of("TV", ColumnKind.NUMERIC,
      "radio", ColumnKind.NUMERIC, "market", ColumnKind.STRING, "size", ColumnKind.STRING,
      "sales", ColumnKind.NUMERIC);
  /** Levels as a first pass would collect them: in order of appearance, not sorted. */
  private static final Map<String, List<String>> LEVELS = Map.of(
      "market", List.of("south", "east", "north"), "size", List.of("small", "big"));

  private static Design design(String formula) {
    return Formula.parse(formula).bind(COLUMNS, KINDS, LEVELS);
  }

  /** Expands one row given by column name: numbers for numeric columns, strings otherwise. */
  private static double[] row(Design d, Map<String, Object> values) {
    double[] numbers = new double[d.numericColumns().size()];
    for (int k = 0; k < numbers.length; k++) {
      numbers[k] = ((Number) values.get(d.numericColumns().get(k))).doubleValue();
    }
    String[] strings = new String[d.stringColumns().size()];
    for (int k = 0; k < strings.length; k++) {
      strings[k] = (String) values.get(d.stringColumns().get(k));
    }
    double[] out = new double[d.width()];
    d.expand(numbers, strings, out);
    return out;
  }

  @Test
  void numbersInteractionsAndPowers() {
    Design d = design("sales ~ TV * radio");
    assertEquals(List.of("TV", "radio", "TV:radio"), d.columnNames());
    assertEquals(List.of("TV", "radio"), d.numericColumns());
    assertEquals(List.of(), d.stringColumns());
    assertTrue(d.intercept());
    assertArrayEquals(new double[] {2, 3, 6}, row(d, Map.of("TV", 2, "radio", 3)));

    Design poly = design("sales ~ TV + I(TV^2) + I(TV^3) - 1");
    assertFalse(poly.intercept());
    assertEquals(List.of("TV", "I(TV^2)", "I(TV^3)"), poly.columnNames());
    assertEquals(List.of("TV"), poly.numericColumns());
    assertArrayEquals(new double[] {-3, 9, -27}, row(poly, Map.of("TV", -3)));
    assertEquals(Math.pow(1.1, 10), DesignTerm.power(1.1, 10), 1e-15);
    assertEquals(1L << 40, DesignTerm.power(2, 40));
  }

  @Test
  void treatmentCodingWithTheFirstSortedLevelAsReference() {
    Design d = design("sales ~ TV + market");
    assertEquals(List.of("TV", "marketnorth", "marketsouth"), d.columnNames());
    assertEquals(List.of("east", "north", "south"), d.levels().get("market"));
    assertEquals(List.of("TV"), d.numericColumns());
    assertEquals(List.of("market"), d.stringColumns());
    // A hand-made table: TV, market -> the design row.
    assertArrayEquals(new double[] {10, 0, 0}, row(d, Map.of("TV", 10, "market", "east")));
    assertArrayEquals(new double[] {20, 1, 0}, row(d, Map.of("TV", 20, "market", "north")));
    assertArrayEquals(new double[] {30, 0, 1}, row(d, Map.of("TV", 30, "market", "south")));
  }

  @Test
  void factorTimesNumber() {
    Design d = design("sales ~ TV * market");
    assertEquals(List.of("TV", "market", "TV:market"), d.termLabels());
    assertEquals(List.of("TV", "marketnorth", "marketsouth", "TV:marketnorth", "TV:marketsouth"),
        d.columnNames());
    assertArrayEquals(new double[] {20, 1, 0, 20, 0}, row(d, Map.of("TV", 20, "market", "north")));
    assertArrayEquals(new double[] {5, 0, 1, 0, 5}, row(d, Map.of("TV", 5, "market", "south")));
    assertArrayEquals(new double[] {7, 0, 0, 0, 0}, row(d, Map.of("TV", 7, "market", "east")));
  }

  @Test
  void twoFactors() {
    Design d = design("sales ~ market * size");
    assertEquals(List.of("marketnorth", "marketsouth", "sizesmall", "marketnorth:sizesmall",
        "marketsouth:sizesmall"), d.columnNames());
    assertArrayEquals(new double[] {0, 1, 1, 0, 1},
        row(d, Map.of("market", "south", "size", "small")));
    assertArrayEquals(new double[] {1, 0, 0, 0, 0},
        row(d, Map.of("market", "north", "size", "big")));
  }

  /** R codes a factor by indicators when the term without it is not in the model. */
  @Test
  void indicatorsWhereTheMarginIsMissing() {
    Design noIntercept = design("sales ~ market - 1");
    assertEquals(List.of("marketeast", "marketnorth", "marketsouth"), noIntercept.columnNames());
    assertArrayEquals(new double[] {1, 0, 0}, row(noIntercept, Map.of("market", "east")));

    // Only the first factor gets all its levels when there is no intercept.
    assertEquals(List.of("marketeast", "marketnorth", "marketsouth", "sizesmall"),
        design("sales ~ market + size - 1").columnNames());

    Design slopes = design("sales ~ TV:market");
    assertEquals(List.of("TV:marketeast", "TV:marketnorth", "TV:marketsouth"),
        slopes.columnNames());
    assertArrayEquals(new double[] {0, 4, 0}, row(slopes, Map.of("TV", 4, "market", "north")));
    assertEquals(List.of("TV", "TV:marketnorth", "TV:marketsouth"),
        design("sales ~ TV + TV:market").columnNames());
    assertEquals(List.of("marketnorth", "marketsouth", "marketeast:TV", "marketnorth:TV",
        "marketsouth:TV"), design("sales ~ market + market:TV").columnNames());

    Design cells = design("sales ~ market:size");
    assertEquals(List.of("marketeast:sizebig", "marketnorth:sizebig", "marketsouth:sizebig",
        "marketeast:sizesmall", "marketnorth:sizesmall", "marketsouth:sizesmall"),
        cells.columnNames());
    assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0},
        row(cells, Map.of("market", "north", "size", "small")));
  }

  @Test
  void dotTakesStringColumnsAsFactors() {
    Design d = design("sales ~ .");
    assertEquals(List.of("TV", "radio", "marketnorth", "marketsouth", "sizesmall"),
        d.columnNames());
    assertEquals(List.of("TV", "radio"), d.numericColumns());
    assertEquals(List.of("market", "size"), d.stringColumns());
  }

  @Test
  void backquotedFactorNames() {
    Design d = Formula.parse("y ~ `home market`").bind(List.of("y", "home market"),
        Map.of("y", ColumnKind.NUMERIC, "home market", ColumnKind.STRING),
        Map.of("home market", List.of("b", "a")));
    assertEquals(List.of("`home market`b"), d.columnNames());
  }

  @Test
  void expandsAtAnOffsetWithoutTouchingTheRest() {
    Design d = design("sales ~ TV * market");
    double[] out = {-1, -1, -1, -1, -1, -1, -1};
    d.expand(new double[] {3}, new String[] {"south"}, out, 1);
    assertArrayEquals(new double[] {-1, 3, 0, 1, 0, 3, -1}, out);
  }

  @Test
  void unseenLevelNamesColumnValueAndLevels() {
    Design d = design("sales ~ TV + market");
    double[] out = new double[d.width()];
    UserError e = assertThrows(UserError.class,
        () -> d.expand(new double[] {1}, new String[] {"west"}, out));
    assertEquals("column 'market' has the value 'west', which is not one of the levels the "
        + "model was fitted with: east, north, south", e.getMessage());
    assertEquals(UserError.EXIT_CODE, e.exitCode());
    assertEquals("column 'market' has no value, which is not one of the levels the model was "
        + "fitted with: east, north, south", assertThrows(UserError.class,
            () -> d.expand(new double[] {1}, new String[] {null}, out)).getMessage());
  }

  @Test
  void expandingARowAllocatesNothing() {
    Design d = design("sales ~ TV * market * size + I(radio^3)");
    double[] numbers = {2, 3};
    String[][] strings = {{"north", "small"}, {"east", "big"}, {"south", "small"}};
    double[] out = new double[d.width()];
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 300_000; i++) {
      d.expand(numbers, strings[i % 3], out);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // A few hundred bytes of noise at most; one object per row would be megabytes.
    assertTrue(allocated < 100_000, allocated + " bytes allocated for 300000 rows");
  }

  @Test
  void survivesJavaSerializationAsSparkShipsIt() throws Exception {
    Design d = design("sales ~ TV * market + I(radio^2)");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(d);
    }
    Design copy;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Design) in.readObject();
    }
    assertEquals(d.columnNames(), copy.columnNames());
    Map<String, Object> values = Map.of("TV", 2, "radio", 3, "market", "north");
    assertArrayEquals(row(d, values), row(copy, values));
  }
}
