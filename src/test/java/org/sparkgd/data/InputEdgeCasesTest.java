package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkgd.cli.CliRunner.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.SparkTestSession;
import org.sparkgd.TestData;
import org.sparkgd.UserError;
import org.sparkgd.cli.CliRunner;

/** Every kind of awkward input: each is either read correctly or refused in one clear line. */
class InputEdgeCasesTest {
  /** A few fixed iterations: the tests compare fits of the same rows, not their convergence. */
  private static final String[] QUICK = {"--max-iterations", "5", "--tolerance", "0",
      "--learning-rate", "0.3"};

  @TempDir
  static Path dir;
  static List<String> lines;
  static JsonNode reference;

  @BeforeAll
  static void referenceFit() {
    Path csv = TestData.generate(300, 5).writeCsv(dir.resolve("reference.csv"));
    try {
      lines = Files.readAllLines(csv);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    CliRunner.Result r = CliRunner.fit(csv, dir.resolve("reference"), QUICK);
    assertEquals(0, r.exitCode(), r.err());
    reference = CliRunner.model(dir.resolve("reference"));
  }

  private static int counter;

  private static Path out() {
    return dir.resolve("out-" + counter++);
  }

  /** Fits {@code file} and expects the exact reference coefficients. */
  private static void assertReadsLikeTheReference(Path file) {
    Path output = out();
    CliRunner.Result r = CliRunner.fit(file, output, QUICK);
    assertEquals(0, r.exitCode(), r.err());
    assertArrayEquals(doubles(reference.get("coefficients")),
        doubles(CliRunner.model(output).get("coefficients")), 0);
  }

  /** Fits {@code file}, expects a one-line input error containing {@code expected}. */
  private static void assertRefused(Path file, String expected, String... options) {
    Path output = out();
    List<String> args = new ArrayList<>(List.of(QUICK));
    args.addAll(List.of(options));
    CliRunner.Result r = CliRunner.fit(file, output, args.toArray(new String[0]));
    assertEquals(UserError.EXIT_CODE, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
    assertFalse(Files.exists(output), "no output for a refused input");
  }

  private static Path withLine(String name, int index, String line) {
    List<String> changed = new ArrayList<>(lines);
    changed.set(index, line);
    return TestData.write(dir.resolve(name), changed);
  }

  @Test
  void badCellsAreNamedByFileLineAndColumn() {
    assertRefused(withLine("text.csv", 10, "9,1.5,abc,1000000,2"),
        "text.csv, line 11, column 'x2': 'abc' is not a number");
    assertRefused(withLine("empty-cell.csv", 3, "2,1.5,,1000000,2"),
        "empty-cell.csv, line 4, column 'x2': the cell is empty");
    assertRefused(withLine("nan.csv", 5, "4,NaN,1,1000000,2"),
        "nan.csv, line 6, column 'x1': 'NaN' is not a finite number");
    assertRefused(withLine("inf.csv", 5, "4,1,1,1000000,-Infinity"),
        "inf.csv, line 6, column 'y': '-Infinity' is not a finite number");
    assertRefused(withLine("short.csv", 7, "6,1,2"),
        "short.csv, line 8, column 'x3': the line has only 3 columns");
  }

  @Test
  void oneBadRowAtTheEndOfALargeFileIsFoundInItsSplit() {
    Path csv = dir.resolve("large.csv");
    List<String> big = new ArrayList<>(List.of("id,x1,x2,x3,y"));
    TestData data = TestData.generate(40_000, 9);
    for (int i = 0; i < 40_000; i++) {
      big.add(i + "," + data.x[i][0] + "," + data.x[i][1] + "," + data.x[i][2] + "," + data.y[i]);
    }
    big.add("40000,1,2,3,oops");
    TestData.write(csv, big);
    assertRefused(csv, "large.csv, line 40002, column 'y': 'oops' is not a number",
        "--min-partitions", "4");
  }

  @Test
  void skippingBadRowsCountsThemAndFitsTheRest() {
    List<String> withBad = new ArrayList<>(lines);
    withBad.add(3, "x,1,two,3,4");
    withBad.add(50, "y,1,2,,4");
    withBad.add("z,NaN,2,3,4");
    Path csv = TestData.write(dir.resolve("some-bad.csv"), withBad);
    Path output = out();
    List<String> args = new ArrayList<>(List.of(QUICK));
    args.addAll(List.of("--on-bad-rows", "skip"));
    CliRunner.Result r = CliRunner.fit(csv, output, args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.err());
    JsonNode model = CliRunner.model(output);
    assertEquals(3, model.get("skipped_rows").get("count").asLong());
    assertEquals(300, model.get("rows").asLong());
    assertTrue(model.get("skipped_rows").get("examples").get(0).asText()
        .endsWith("some-bad.csv, line 4, column 'x2': 'two' is not a number"));
    assertTrue(r.out().contains("3 bad input rows skipped"), r.out());
    assertArrayEquals(doubles(reference.get("coefficients")), doubles(model.get("coefficients")),
        0);
  }

  @Test
  void allRowsBadIsRefusedEvenWhenSkipping() {
    Path csv = TestData.write(dir.resolve("all-bad.csv"), List.of("id,x1,x2,x3,y", "1,a,b,c,d"));
    assertRefused(csv, "all 1 data rows are bad", "--on-bad-rows", "skip");
  }

  @Test
  void headerProblemsAreExplained() {
    assertRefused(TestData.write(dir.resolve("empty.csv"), ""), "the file is empty");
    assertRefused(TestData.write(dir.resolve("header-only.csv"), "id,x1,x2,x3,y\n"),
        "no data rows (only a header?)");
    assertRefused(dir.resolve("does-not-exist.csv"), "no such file or directory");
    assertRefused(TestData.write(dir.resolve("dup.csv"), "id,x1,x2,x1,x3,y\n1,2,3,4,5,6\n"),
        "names column 'x1' more than once");
    assertRefused(TestData.write(dir.resolve("semi.csv"), "id;x1;x2;x3;y\n1;2;3;4;5\n"),
        "seems to be delimited by semicolons: pass --delimiter ';'");
    assertRefused(TestData.write(dir.resolve("semi-quoted.csv"),
        "\"id\";\"x1\";\"x2\";\"x3\";\"y\"\n1;2;3;4;5\n"),
        "seems to be delimited by semicolons: pass --delimiter ';'");
    assertRefused(TestData.write(dir.resolve("tabs-quoted.csv"),
        "\"id\"\t\"x1\"\t\"x2\"\t\"x3\"\t\"y\"\n1\t2\t3\t4\t5\n"),
        "seems to be delimited by tabs: pass --delimiter '\\t'");
    assertRefused(TestData.write(dir.resolve("typo.csv"), "id,x_1,x2,x3,y\n1,2,3,4,5\n"),
        "no column 'x1' (did you mean 'x_1'?)");
  }

  @Test
  void aByteOrderMarkCrLfQuotesAndSpacesReadLikePlainCsv() throws IOException {
    String crlf = String.join("\r\n", lines) + "\r\n";
    assertReadsLikeTheReference(Files.writeString(dir.resolve("crlf.csv"), crlf));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path withBom = dir.resolve("bom.csv");
    Files.write(withBom, bom);
    Files.writeString(withBom, String.join("\n", lines) + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertReadsLikeTheReference(withBom);
    List<String> quoted = new ArrayList<>();
    for (String line : lines) {
      quoted.add(" \"" + String.join("\" , \"", line.split(",")) + "\" ");
    }
    quoted.add("");
    quoted.add("   ");
    assertReadsLikeTheReference(TestData.write(dir.resolve("quoted.csv"), quoted));
  }

  @Test
  void aFolderOfPartsIsOneInput() {
    Path parts = dir.resolve("parts");
    TestData.write(parts.resolve("part-0.csv"), lines.subList(0, 101));
    List<String> second = new ArrayList<>(List.of(lines.get(0)));
    second.addAll(lines.subList(101, lines.size()));
    TestData.write(parts.resolve("part-1.csv"), second);
    TestData.write(parts.resolve("_SUCCESS"), "");
    Path output = out();
    CliRunner.Result r = CliRunner.fit(parts, output, QUICK);
    assertEquals(0, r.exitCode(), r.err());
    double[] expected = doubles(reference.get("coefficients"));
    double[] actual = doubles(CliRunner.model(output).get("coefficients"));
    for (int j = 0; j < 3; j++) {
      assertEquals(expected[j], actual[j], 1e-12 * Math.abs(expected[j]));
    }
    TestData.write(parts.resolve("part-2.csv"), "id,x1,x2,x3,sales\n1,2,3,4,5\n");
    assertRefused(parts, "differs from the first file's");
  }

  @Test
  void parquetInputGivesTheSameFitAsCsv() {
    Path parquet = SparkTestSession.csvAsParquet(dir.resolve("reference.csv"),
        dir.resolve("parquet"));
    assertReadsLikeTheReference(parquet);
  }

  @Test
  void constantColumnsAreKeptAtZeroWithAWarning() {
    List<String> constant = new ArrayList<>(List.of("id,x1,x2,x3,y"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      constant.add(f[0] + "," + f[1] + ",7.5," + f[3] + "," + f[4]);
    }
    Path output = out();
    CliRunner.Result r = CliRunner.fit(TestData.write(dir.resolve("const.csv"), constant), output,
        QUICK);
    assertEquals(0, r.exitCode(), r.err());
    JsonNode model = CliRunner.model(output);
    assertEquals("x2", model.get("constant_features").get(0).asText());
    assertEquals(0.0, model.get("coefficients").get(1).asDouble(), 0);
    assertTrue(r.out().contains("feature 'x2' has the same value (7.5) in every row"), r.out());
  }

  @Test
  void aConstantLabelGivesThatConstant() {
    List<String> constant = new ArrayList<>(List.of("id,x1,x2,x3,y"));
    for (String line : lines.subList(1, lines.size())) {
      constant.add(line.substring(0, line.lastIndexOf(',')) + ",4.25");
    }
    Path output = out();
    CliRunner.Result r = CliRunner.fit(TestData.write(dir.resolve("const-y.csv"), constant),
        output, QUICK);
    assertEquals(0, r.exitCode(), r.err());
    JsonNode model = CliRunner.model(output);
    assertEquals(4.25, model.get("intercept").asDouble(), 0);
    assertArrayEquals(new double[3], doubles(model.get("coefficients")), 0);
    assertTrue(r.out().contains("label 'y' has the same value (4.25)"), r.out());
  }

  @Test
  void moreFeaturesThanRowsFitsWithAWarning() {
    Path csv = TestData.write(dir.resolve("wide.csv"),
        List.of("id,x1,x2,x3,y", "1,1,5,2,3", "2,2,3,9,4", "3,4,1,1,1"));
    Path output = out();
    CliRunner.Result r = CliRunner.fit(csv, output, QUICK);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("3 rows for 3 features"), r.out());
  }

  @Test
  void valuesTooLargeToStandardizeAreRefusedByColumn() {
    Path csv = TestData.write(dir.resolve("huge.csv"),
        List.of("id,x1,x2,x3,y", "1,1,2,3,1e300", "2,2,3,1,-1e300", "3,4,1,2,5e299"));
    assertRefused(csv, "column 'y': its values are too large to standardize");
  }

  @Test
  void nonUtf8BytesInAnUnusedColumnDoNotMatter() throws IOException {
    List<String> latin = new ArrayList<>(lines);
    Path file = dir.resolve("latin1.csv");
    StringBuilder content = new StringBuilder();
    for (String line : latin) {
      content.append(line).append('\n');
    }
    byte[] bytes = content.toString().replaceFirst("\n0,", "\n\u00e9t\u00e9,")
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, bytes);
    assertReadsLikeTheReference(file);
  }
}
