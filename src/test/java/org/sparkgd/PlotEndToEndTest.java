package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;

/** The plots a fit writes, and the plot command on saved histories. */
class PlotEndToEndTest {
  @TempDir
  static Path dir;
  static Path slow;
  static Path fast;
  static CliRunner.Result fit;

  @BeforeAll
  static void fitTwice() {
    Path csv = TestData.generate(300, 41).writeCsv(dir.resolve("data.csv"));
    slow = dir.resolve("alpha-0.05");
    fast = dir.resolve("alpha-0.3");
    fit = CliRunner.fit(csv, slow, "--learning-rate", "0.05", "--max-iterations", "20");
    assertEquals(0, fit.exitCode(), fit.err());
    assertEquals(0, CliRunner.fit(csv, fast, "--learning-rate", "0.3", "--max-iterations", "20")
        .exitCode());
  }

  private static BufferedImage png(Path file) throws IOException {
    assertTrue(Files.isRegularFile(file), file + " exists");
    BufferedImage image = ImageIO.read(file.toFile());
    assertTrue(image != null, file + " is an image");
    return image;
  }

  @Test
  void aFitWritesBothPlotsBesideTheHistory() throws IOException {
    for (String name : new String[] {"cost.png", "coefficients.png"}) {
      BufferedImage image = png(slow.resolve(name));
      assertEquals(1000, image.getWidth());
      assertEquals(600, image.getHeight());
      assertTrue(fit.out().contains(slow.resolve(name).toString()), fit.out());
    }
  }

  @Test
  void thePlotCommandComparesRunsAtTheAskedSize() throws IOException {
    Path out = dir.resolve("compared");
    CliRunner.Result r = CliRunner.run("plot", "--history", slow.toString(), "--history",
        fast.resolve("history").toString(), "--log-scale", "--output", out.toString(),
        "--width", "640", "--height", "400");
    assertEquals(0, r.exitCode(), r.err());
    for (String name : new String[] {"cost.png", "coefficients-1.png", "coefficients-2.png"}) {
      BufferedImage image = png(out.resolve(name));
      assertEquals(640, image.getWidth());
      assertEquals(400, image.getHeight());
      assertTrue(r.out().contains("wrote " + out.resolve(name)), r.out());
    }
  }

  @Test
  void aBareHistoryFolderCanBePlottedIntoItsParent() throws IOException {
    Path bare = dir.resolve("bare");
    FileUtils.copyDirectory(fast.resolve("history").toFile(), bare.resolve("history").toFile());
    CliRunner.Result r = CliRunner.run("plot", "--history", bare.resolve("history").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1000, png(bare.resolve("cost.png")).getWidth());
    assertTrue(Files.exists(bare.resolve("coefficients.png")));
  }

  @Test
  void aMissingHistoryIsAOneLineError() {
    CliRunner.Result r = CliRunner.run("plot", "--history", dir.resolve("nothing").toString());
    assertEquals(3, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("nothing: no such file or directory"), r.err());
  }
}
