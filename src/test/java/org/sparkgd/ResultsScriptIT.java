package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample fit, its metrics, predict and plot through scripts/sparkgd, as the README shows
 * them. One fit (the README's, with its held-out rows) serves every test: each scripts/sparkgd
 * costs a JVM's and a SparkContext's start.
 */
class ResultsScriptIT {
  private static final Path HOME = ScriptProcess.HOME;
  private static final Duration LIMIT = Duration.ofSeconds(180);
  private static final String SAMPLE = HOME.resolve("sample-data/advertising.csv").toString();

  @TempDir
  static Path dir;
  static Path fit;
  static ScriptProcess.Result fitted;

  @BeforeAll
  static void fitTheSample() throws InterruptedException {
    fit = dir.resolve("fit");
    fitted = ScriptProcess.sparkgd(dir, "fit", "--input", SAMPLE, "--label", "sales",
        "--features", "TV,radio,newspaper", "--output", fit.toString(), "--test-fraction", "0.2");
  }

  private static JsonNode model() throws IOException {
    return new ObjectMapper().readTree(fit.resolve("model.json").toFile());
  }

  private static BufferedImage png(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertTrue(image != null, file + " is a PNG");
    return image;
  }

  @Test
  void fitsTheSampleDataAsTheReadmeShows() throws Exception {
    assertEquals(0, fitted.exitCode(), fitted.err());
    assertTrue(fitted.out().contains("converged"), fitted.out());
    assertTrue(fitted.err().contains("iteration 0/1000"), "progress is logged: " + fitted.err());
    JsonNode model = model();
    // The generator's true coefficients (sample-data/README.md), recovered within the noise.
    double[] truth = {0.046, 0.19, 0.002};
    for (int j = 0; j < 3; j++) {
      assertEquals(truth[j], model.get("coefficients").get(j).asDouble(), 0.005);
    }
    assertEquals("local[*]", model.get("config").get("master").asText());
    assertTrue(Files.isDirectory(fit.resolve("history")));
    assertTrue(Files.size(dir.resolve("logs/sparkgd.log")) > 0);
    assertEquals(1000, png(fit.resolve("cost.png")).getWidth());
    assertEquals(600, png(fit.resolve("coefficients.png")).getHeight());
  }

  @Test
  void heldOutRowsMeasureTheFit() throws Exception {
    assertEquals(0, fitted.exitCode(), fitted.err());
    assertTrue(fitted.out().contains("  test  "), fitted.out());
    JsonNode model = model();
    JsonNode test = model.get("metrics").get("test");
    assertEquals(5000, model.get("rows").asLong() + test.get("rows").asLong());
    // The sample's noise is N(0, 1.5²): RMSE near 1.5 on rows the fit never saw.
    assertEquals(1.5, test.get("rmse").asDouble(), 0.1);
  }

  /** predict and plot read the fit's output, each in its own process, both at once. */
  @Test
  void predictAndPlotTheFit() throws Exception {
    assertEquals(0, fitted.exitCode(), fitted.err());
    Path predicted = dir.resolve("predicted");
    ScriptProcess.Result predict;
    ScriptProcess.Result plot;
    try (ScriptProcess predicting = ScriptProcess.startSparkgd(dir, "predict", "predict", "--model",
            fit.toString(), "--input", SAMPLE, "--output", predicted.toString());
        ScriptProcess plotting = ScriptProcess.startSparkgd(dir, "plot", "plot", "--history",
            fit.toString(), "--log-scale", "--output", dir.resolve("plots").toString(), "--width",
            "800", "--height", "500")) {
      predict = predicting.await(LIMIT);
      plot = plotting.await(LIMIT);
    }
    assertEquals(0, predict.exitCode(), predict.err());
    assertTrue(predict.out().startsWith("wrote 5000 rows with 'prediction'"), predict.out());
    List<String> lines;
    try (Stream<Path> parts = Files.list(predicted)) {
      Path part = parts.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst()
          .orElseThrow();
      lines = Files.readAllLines(part);
    }
    assertEquals("TV,radio,newspaper,sales,prediction", lines.get(0));

    assertEquals(0, plot.exitCode(), plot.err());
    BufferedImage cost = png(dir.resolve("plots/cost.png"));
    assertEquals(800, cost.getWidth());
    assertEquals(500, cost.getHeight());
  }
}
