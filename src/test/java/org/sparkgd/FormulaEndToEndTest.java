package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkgd.cli.CliRunner.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;

/** Fits by --formula (terms, dummies, no intercept) and predictions from them, end to end. */
class FormulaEndToEndTest {
  private static final Path ADVERTISING = Path.of("sample-data", "advertising.csv");
  private static final String[] EXACT = {"--step", "conjugate-gradient", "--max-iterations",
      "200", "--tolerance", "1e-15"};
  private static final List<String> MARKETS = List.of("south", "east", "north");

  @TempDir
  static Path dir;
  static Path markets;

  @BeforeAll
  static void data() {
    Random random = new Random(5);
    List<String> lines = new ArrayList<>(List.of("x,market,y"));
    for (int i = 0; i < 300; i++) {
      double x = 10 * random.nextDouble();
      String market = MARKETS.get(i % 3);
      double shift = market.equals("north") ? 3 : market.equals("south") ? -1 : 0;
      lines.add(String.format(Locale.ROOT, "%.4f,%s,%.4f", x, market,
          1 + 2 * x + shift + random.nextGaussian()));
    }
    markets = TestData.write(dir.resolve("markets.csv"), lines);
  }

  /** The sample data's columns TV, radio, newspaper, sales. */
  private static double[][] advertising() {
    try {
      List<String> lines = Files.readAllLines(ADVERTISING);
      double[][] rows = new double[lines.size() - 1][];
      for (int i = 1; i < lines.size(); i++) {
        rows[i - 1] = Arrays.stream(lines.get(i).split(",")).mapToDouble(Double::parseDouble)
            .toArray();
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CliRunner.Result fit(Path input, Path output, String formula,
      String... options) {
    List<String> args = new ArrayList<>(List.of("fit", "--input", input.toString(),
        "--formula", formula, "--output", output.toString()));
    args.addAll(List.of(options));
    return CliRunner.run(args.toArray(new String[0]));
  }

  @Test
  void interactionRecoversTheExactLeastSquaresOfTheExpandedDesign() {
    double[][] rows = advertising();
    double[][] x = new double[rows.length][];
    double[] y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = new double[] {rows[i][0], rows[i][1], rows[i][0] * rows[i][1]};
      y[i] = rows[i][3];
    }
    double[] expected = LeastSquaresReference.solve(x, y);
    Path output = dir.resolve("tv-radio");
    CliRunner.Result r = fit(ADVERTISING, output, "sales ~ TV * radio", EXACT);
    assertEquals(0, r.exitCode(), r.err());
    JsonNode model = CliRunner.model(output);
    assertEquals(List.of("TV", "radio", "TV:radio"), names(model.get("features")));
    double[] actual = CliRunner.interceptAndCoefficients(model);
    assertTrue(LeastSquaresReference.maxRelativeError(actual, expected, 1e-12) < 1e-9,
        Arrays.toString(actual) + " vs " + Arrays.toString(expected));
    assertEquals("sales ~ TV * radio", model.get("formula").get("formula").asText());
    assertTrue(r.out().contains("TV:radio"), r.out());
    List<org.apache.spark.sql.Row> history = CliRunner.history(output);
    assertFalse(history.isEmpty());
  }

  @Test
  void aStringColumnBecomesRsTreatmentDummiesInCsvAndParquet() {
    Path output = dir.resolve("markets");
    CliRunner.Result r = fit(markets, output, "y ~ x + market", EXACT);
    assertEquals(0, r.exitCode(), r.err());
    JsonNode model = CliRunner.model(output);
    assertEquals(List.of("x", "marketnorth", "marketsouth"), names(model.get("features")));
    double[] expected = marketOracle();
    double[] actual = CliRunner.interceptAndCoefficients(model);
    assertTrue(LeastSquaresReference.maxRelativeError(actual, expected, 1e-12) < 1e-9,
        Arrays.toString(actual) + " vs " + Arrays.toString(expected));

    Path parquet = SparkTestSession.csvAsParquet(markets, dir.resolve("markets.parquet"));
    Path fromParquet = dir.resolve("markets-parquet");
    r = fit(parquet, fromParquet, "y ~ x + market", EXACT);
    assertEquals(0, r.exitCode(), r.err());
    double[] parquetFit = CliRunner.interceptAndCoefficients(CliRunner.model(fromParquet));
    assertTrue(LeastSquaresReference.maxRelativeError(parquetFit, expected, 1e-12) < 1e-9,
        Arrays.toString(parquetFit) + " vs " + Arrays.toString(expected));
  }

  @Test
  void predictExpandsNewRowsAndNamesAnUnseenLevel() {
    Path output = dir.resolve("markets-for-predict");
    assertEquals(0, fit(markets, output, "y ~ x * market", EXACT).exitCode());
    JsonNode model = CliRunner.model(output);
    double[] beta = doubles(model.get("coefficients"));
    double intercept = model.get("intercept").asDouble();
    Path rows = TestData.write(dir.resolve("new.csv"), "x,market\n2.5,north\n1,east\n");
    Path predicted = dir.resolve("predicted");
    CliRunner.Result r = CliRunner.run("predict", "--model", output.toString(), "--input",
        rows.toString(), "--output", predicted.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<org.apache.spark.sql.Row> out = SparkTestSession.get().read().option("header", "true")
        .option("inferSchema", "true").csv(predicted.toString()).orderBy("x").collectAsList();
    // features: x, marketnorth, marketsouth, x:marketnorth, x:marketsouth
    assertEquals(intercept + beta[0], out.get(0).getDouble(2), 1e-9);
    assertEquals(intercept + 2.5 * beta[0] + beta[1] + 2.5 * beta[3], out.get(1).getDouble(2),
        1e-9);

    Path unseen = TestData.write(dir.resolve("unseen.csv"), "x,market\n2.5,west\n");
    r = CliRunner.run("predict", "--model", output.toString(), "--input", unseen.toString(),
        "--output", dir.resolve("never").toString());
    assertEquals(3, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("unseen.csv") && r.err().contains("'market'")
        && r.err().contains("'west'") && r.err().contains("east, north, south"), r.err());
    assertFalse(Files.exists(dir.resolve("never")));
  }

  /** A factor's column cannot weigh rows: said as such, not as weights that are all 0. */
  @Test
  void aWeightThatIsAFactorIsOneLine() {
    CliRunner.Result r = fit(markets, dir.resolve("weighed-by-text"), "y ~ x + market",
        "--weight", "market");
    assertEquals(3, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--weight market: the column holds text"), r.err());
    assertFalse(Files.exists(dir.resolve("weighed-by-text")));
  }

  @Test
  void aFormulaErrorIsOneLineWithExitCodeTwo() {
    CliRunner.Result r = fit(markets, dir.resolve("bad"), "y ~ x +");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--formula 'y ~ x +'"), r.err());
    r = CliRunner.run("fit", "--input", markets.toString(), "--formula", "y ~ x", "--label", "y",
        "--output", dir.resolve("both").toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    r = fit(markets, dir.resolve("typo"), "y ~ x + markt");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("did you mean 'market'?"), r.err());
  }

  @Test
  void withoutInterceptFitsThroughTheOriginWithRsUncenteredR2() {
    double[][] rows = advertising();
    double[][] x = new double[rows.length][];
    double[] y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = new double[] {rows[i][0], rows[i][1]};
      y[i] = rows[i][3];
    }
    double[] expected = LeastSquaresReference.solveThroughOrigin(x, y);
    double r2 = LeastSquaresReference.r2(x, y, 0, expected, false);
    for (String[] way : List.of(new String[] {"--formula", "sales ~ TV + radio - 1"},
        new String[] {"--label", "sales", "--features", "TV,radio", "--no-intercept"})) {
      Path output = dir.resolve("origin-" + way[0].substring(2));
      List<String> args = new ArrayList<>(List.of("fit", "--input", ADVERTISING.toString(),
          "--output", output.toString()));
      args.addAll(List.of(way));
      args.addAll(List.of(EXACT));
      CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
      assertEquals(0, r.exitCode(), r.err());
      JsonNode model = CliRunner.model(output);
      assertEquals(0.0, model.get("intercept").asDouble(), Arrays.toString(way));
      assertEquals(0.0, model.get("standardized").get("intercept").asDouble());
      double[] actual = doubles(model.get("coefficients"));
      assertTrue(LeastSquaresReference.maxRelativeError(actual, expected, 1e-12) < 1e-9,
          Arrays.toString(actual) + " vs " + Arrays.toString(expected));
      assertEquals(r2, model.get("metrics").get("training").get("r2").asDouble(), 1e-12);
      // R's summary(lm(sales ~ TV + radio - 1)): no intercept term, uncentered R², F on 2 DF.
      WeightedOls ols = WeightedOls.of(x, y, null, false);
      JsonNode inference = model.get("inference");
      assertEquals(2, inference.get("terms").size());
      assertEquals("TV", inference.get("terms").get(0).get("term").asText());
      assertEquals(ols.stdErrors()[1], inference.get("terms").get(1).get("std_error")
          .asDouble(), 1e-9 * ols.stdErrors()[1]);
      assertEquals(ols.r2(), inference.get("r2").asDouble(), 1e-12);
      assertEquals(ols.f(), inference.get("f_statistic").asDouble(), 1e-8 * ols.f());
      assertTrue(r.out().contains(" on 2 and " + ols.df() + " DF"), r.out());
      assertFalse(model.get("warnings").toString().contains("inference"), r.out());
    }
  }

  /** The 3-level data's least squares on R's dummies (east the reference). */
  private static double[] marketOracle() {
    try {
      List<String> lines = Files.readAllLines(markets);
      double[][] x = new double[lines.size() - 1][];
      double[] y = new double[lines.size() - 1];
      for (int i = 1; i < lines.size(); i++) {
        String[] cells = lines.get(i).split(",");
        x[i - 1] = new double[] {Double.parseDouble(cells[0]),
            cells[1].equals("north") ? 1 : 0, cells[1].equals("south") ? 1 : 0};
        y[i - 1] = Double.parseDouble(cells[2]);
      }
      return LeastSquaresReference.solve(x, y);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }
}
