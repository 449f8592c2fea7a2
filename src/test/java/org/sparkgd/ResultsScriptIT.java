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
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics, predict and plot through scripts/sparkgd, as the README shows them. */
class ResultsScriptIT {
  private static final Path HOME = ScriptProcess.HOME;

  @TempDir
  Path dir;

  private ScriptProcess.Result sparkgd(String... args) throws InterruptedException {
    return ScriptProcess.sparkgd(dir, args);
  }

  private static BufferedImage png(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertTrue(image != null, file + " is a PNG");
    return image;
  }

  @Test
  void fitWithHeldOutRowsThenPredictAndPlot() throws Exception {
    Path fit = dir.resolve("fit");
    String sample = HOME.resolve("sample-data/advertising.csv").toString();
    ScriptProcess.Result run = sparkgd("fit", "--input", sample, "--label", "sales", "--features",
        "TV,radio,newspaper", "--output", fit.toString(), "--test-fraction", "0.2");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("  test  "), run.out());
    JsonNode model = new ObjectMapper().readTree(fit.resolve("model.json").toFile());
    JsonNode test = model.get("metrics").get("test");
    assertEquals(5000, model.get("rows").asLong() + test.get("rows").asLong());
    // The sample's noise is N(0, 1.5²): RMSE near 1.5 on rows the fit never saw.
    assertEquals(1.5, test.get("rmse").asDouble(), 0.1);
    assertEquals(1000, png(fit.resolve("cost.png")).getWidth());
    assertEquals(600, png(fit.resolve("coefficients.png")).getHeight());

    Path predicted = dir.resolve("predicted");
    run = sparkgd("predict", "--model", fit.toString(), "--input", sample, "--output",
        predicted.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("wrote 5000 rows with 'prediction'"), run.out());
    List<String> lines;
    try (Stream<Path> parts = Files.list(predicted)) {
      Path part = parts.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst()
          .orElseThrow();
      lines = Files.readAllLines(part);
    }
    assertEquals("TV,radio,newspaper,sales,prediction", lines.get(0));

    run = sparkgd("plot", "--history", fit.toString(), "--log-scale", "--output",
        dir.resolve("plots").toString(), "--width", "800", "--height", "500");
    assertEquals(0, run.exitCode(), run.err());
    BufferedImage cost = png(dir.resolve("plots/cost.png"));
    assertEquals(800, cost.getWidth());
    assertEquals(500, cost.getHeight());
  }
}
