package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineParserTest {
  /** Selects columns 1 and 3 as features and 4 as the label, as TV,radio,newspaper→sales. */
  private final CsvLineParser parser = new CsvLineParser(',', new int[] {1, 3, 4});

  private double[] parse(String line) throws CsvLineParser.CellException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    double[] out = new double[3];
    parser.parse(bytes, 0, bytes.length, out);
    return out;
  }

  private CsvLineParser.CellException failure(String line) {
    return assertThrows(CsvLineParser.CellException.class, () -> parse(line));
  }

  @Test
  void parsesOnlyTheSelectedColumns() throws Exception {
    assertArrayEquals(new double[] {230.1, 69.2, 22.1}, parse("1,230.1,not used,69.2,22.1"));
  }

  @Test
  void acceptsQuotesSpacesExponentsAndCrLf() throws Exception {
    assertArrayEquals(new double[] {230.1, -6.92e1, 22.1},
        parse("\"1\", \"230.1\" ,x,  -6.92E1 ,22.1\r"));
  }

  @Test
  void aColumnSelectedTwiceFillsBothPlaces() throws Exception {
    // A feature that is also the weight: features TV, radio; label sales; weight TV.
    CsvLineParser parser = new CsvLineParser(',', new int[] {1, 3, 4, 1});
    for (String line : List.of("1,230.1,x,69.2,22.1", "1,\"230.1\", x ,69.2,22.1")) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      double[] row = new double[4];
      parser.parse(bytes, 0, bytes.length, row);
      assertArrayEquals(new double[] {230.1, 69.2, 22.1, 230.1}, row, line);
    }
  }

  @Test
  void ignoresColumnsAfterTheLastSelectedOne() throws Exception {
    assertArrayEquals(new double[] {1, 3, 4}, parse("0,1,2,3,4,\"unclosed"));
  }

  @Test
  void rejectsNonNumericEmptyAndNonFiniteCells() {
    CsvLineParser.CellException e = failure("1,abc,2,3,4");
    assertEquals(1, e.column());
    assertTrue(e.getMessage().contains("'abc' is not a number"), e.getMessage());
    assertEquals(3, failure("1,2,3,  ,4").column());
    assertTrue(failure("1,2,3,,4").getMessage().contains("empty"));
    assertTrue(failure("1,NaN,3,4,5").getMessage().contains("not a finite number"));
    assertTrue(failure("1,2,3,Infinity,5").getMessage().contains("not a finite number"));
  }

  @Test
  void namesTheFirstMissingColumnOfAShortLine() {
    CsvLineParser.CellException e = failure("1,2,3");
    assertEquals(3, e.column());
    assertTrue(e.getMessage().contains("only 3 columns"), e.getMessage());
  }

  @Test
  void rejectsBrokenQuoting() {
    assertTrue(failure("1,\"2,3,4,5").getMessage().contains("not closed"));
    assertTrue(failure("1,\"2\"x,3,4,5").getMessage().contains("after a closing quote"));
  }

  @Test
  void splitsHeadersWithQuotesBomAndEmptyNames() throws Exception {
    assertEquals(List.of("", "TV", "radio, AM", "say \"hi\""),
        parser.splitHeader("\uFEFF\"\",TV , \"radio, AM\",\"say \"\"hi\"\"\""));
  }

  @Test
  void honoursOtherDelimiters() throws Exception {
    CsvLineParser tabs = new CsvLineParser('\t', new int[] {0, 1});
    byte[] line = "1.5\t2.5".getBytes(StandardCharsets.UTF_8);
    double[] out = new double[2];
    tabs.parse(line, 0, line.length, out);
    assertArrayEquals(new double[] {1.5, 2.5}, out);
  }

  @Test
  void blankLinesAreRecognized() {
    assertTrue(CsvLineParser.isBlank(" \t\r".getBytes(StandardCharsets.UTF_8), 0, 3));
    assertFalse(CsvLineParser.isBlank(" 1".getBytes(StandardCharsets.UTF_8), 0, 2));
  }

  /** Every text the plain-decimal path takes gives Double.parseDouble's bits; others go on. */
  @Test
  void plainDecimalsAreParsedToTheSameBitsAsJava() throws Exception {
    java.util.Random random = new java.util.Random(7);
    for (int k = 0; k < 200_000; k++) {
      int digits = 1 + random.nextInt(15);
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      int point = random.nextInt(digits + 1);
      for (int d = 0; d < digits; d++) {
        if (d == point) {
          text.append('.');
        }
        text.append((char) ('0' + random.nextInt(10)));
      }
      assertSameBits(text.toString());
    }
    for (String text : List.of("0", "-0", "-0.0", "+1.5", ".5", "5.", "000123.4500",
        "999999999999999", "0.00000000000001", "9007199254740.99")) {
      assertSameBits(text);
    }
    // Outside the path: more than 15 digits, exponents, two points, nothing, words.
    for (String text : List.of("1234567890123456", "0.000000000000001", "1e5", "1.2.3", "", "-",
        ".", "NaN", "1.5d", "0x1p3")) {
      byte[] b = text.getBytes(StandardCharsets.US_ASCII);
      assertTrue(Double.isNaN(CsvLineParser.plainDecimal(b, 0, b.length)), text);
    }
    assertArrayEquals(new double[] {1234567890123456.0, 1e5, 0.1},
        parse("x,1234567890123456,y,1e5,0.1"));
  }

  /**
   * Whole lines, plain or not (spaces, quotes, exponents, long digits, a BOM, a carriage return),
   * give each selected cell's value as Java parses it, in the selected order.
   */
  @Test
  void linesPlainOrNotGiveJavasValues() throws Exception {
    java.util.Random random = new java.util.Random(11);
    CsvLineParser reordered = new CsvLineParser(',', new int[] {4, 0, 2});
    String[] unused = {"", "x", "a b", "\"q,uoted\"", "\"x,5,6\"", "1e9", "-"};
    for (int i = 0; i < 50_000; i++) {
      String[] cells = new String[6];
      String[] texts = new String[6];
      for (int c = 0; c < 6; c++) {
        String digits = Long.toString(random.nextInt(100_000_000));
        int point = random.nextInt(digits.length() + 1);
        texts[c] = (random.nextBoolean() ? "-" : "") + digits.substring(0, point)
            + (random.nextBoolean() ? "." : "") + digits.substring(point);
        cells[c] = switch (random.nextInt(12)) {
          case 0 -> " " + texts[c] + " ";
          case 1 -> "\"" + texts[c] + "\"";
          case 2 -> texts[c] + "e" + (random.nextInt(7) - 3);
          case 3 -> texts[c] + "0123456789012";
          default -> texts[c];
        };
        if (c == 1 || c == 3) {
          cells[c] = unused[random.nextInt(unused.length)];
        }
      }
      String line = (i % 97 == 0 ? "\uFEFF" : "") + String.join(",", cells)
          + (i % 89 == 0 ? "\r" : "");
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      double[] out = new double[3];
      reordered.parse(bytes, 0, bytes.length, out);
      int[] columns = {4, 0, 2};
      for (int k = 0; k < 3; k++) {
        String cell = cells[columns[k]].trim().replace("\"", "");
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cell)),
            Double.doubleToRawLongBits(out[k]), line);
      }
    }
  }

  private static void assertSameBits(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
        Double.doubleToRawLongBits(CsvLineParser.plainDecimal(b, 0, b.length)), text);
  }
}
