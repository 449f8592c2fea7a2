package org.sparkgd.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.optim.IterationRecord;

class ChartsTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int BLUE = 0x4E79A7;
  private static final int ORANGE = 0xF28E2B;

  @TempDir
  Path dir;

  /** A descent on J(θ) = (θ − 1)² + 0.1 from 0: θ_k = 1 − (1 − 2α)^k. */
  private static List<IterationRecord> descent(double alpha, int iterations) {
    List<IterationRecord> history = new ArrayList<>();
    double theta = 0;
    for (int k = 0; k <= iterations; k++) {
      double cost = (theta - 1) * (theta - 1) + 0.1;
      history.add(new IterationRecord("alpha=" + alpha, k, cost, cost, alpha,
          2 * Math.abs(theta - 1), new double[] {0.5 * theta, theta}, 100, k + 1, Double.NaN, k));
      theta -= alpha * 2 * (theta - 1);
    }
    return history;
  }

  private static Charts.Run run(double alpha) {
    return Charts.run("alpha=" + alpha, List.of("x"), "batch", 100, null, "max_iterations", 40,
        descent(alpha, 40));
  }

  private BufferedImage writeAndRead(String name, org.jfree.chart.JFreeChart chart, int width,
      int height) throws IOException {
    Path file = dir.resolve(name);
    PlotWriter.writePng(FileSystem.getLocal(new Configuration()),
        new org.apache.hadoop.fs.Path(file.toUri()), chart, width, height);
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), "a PNG file");
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(width, image.getWidth());
    assertEquals(height, image.getHeight());
    return image;
  }

  private static int pixelsOf(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void theCostChartIsAPngOfTheAskedSizeWithOneLinePerRun() throws IOException {
    BufferedImage image = writeAndRead("cost.png",
        Charts.cost("y ~ x", List.of(run(0.05), run(0.2)), false), 800, 500);
    // Each run's line is drawn in its own colour (a line two pixels wide and hundreds long).
    assertTrue(pixelsOf(image, BLUE) > 300, "first run's line");
    assertTrue(pixelsOf(image, ORANGE) > 300, "second run's line");
  }

  @Test
  void theLogScaleAndTheCoefficientChartRenderToo() throws IOException {
    writeAndRead("log.png", Charts.cost("y ~ x", List.of(run(0.1)), true), 640, 480);
    BufferedImage image = writeAndRead("coefficients.png",
        Charts.coefficients("y ~ x", run(0.1), false), 1000, 600);
    assertTrue(pixelsOf(image, BLUE) > 300, "the intercept's paths");
    assertTrue(pixelsOf(image, ORANGE) > 300, "x's paths");
  }

  @Test
  void aLongHistoryIsThinnedKeepingItsEnds() {
    List<IterationRecord> history = descent(0.001, 100_000);
    List<IterationRecord> thinned = Charts.thinned(history);
    assertTrue(thinned.size() <= Charts.MAX_POINTS, "size " + thinned.size());
    assertTrue(thinned.size() > Charts.MAX_POINTS / 2, "size " + thinned.size());
    assertEquals(0, thinned.get(0).iteration());
    assertEquals(100_000, thinned.get(thinned.size() - 1).iteration());
  }

  @Test
  void theSubtitleSaysHowTheRunWent() {
    assertEquals("batch gradient descent, 100 rows, alpha=0.1, 40 iterations (the maximum)",
        run(0.1).settings());
    assertEquals("batch gradient descent, 100 rows", run(0.1).setup());
    assertEquals("alpha=0.1", run(0.1).name());
    assertEquals(List.of("(intercept)", "x"), run(0.1).terms());
  }
}
