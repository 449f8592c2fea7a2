package org.sparkgd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated regression data with known structure, and CSV files of it. Three features: x1
 * uniform, x2 correlated with x1, and x3 with mean 1e6 and std 1 (to catch unsound statistics).
 */
public final class TestData {
  public static final double[] TRUE_THETA = {3.0, 2.0, -1.0, 0.5};
  public static final List<String> FEATURES = List.of("x1", "x2", "x3");

  public final double[][] x;
  public final double[] y;

  private TestData(double[][] x, double[] y) {
    this.x = x;
    this.y = y;
  }

  public static TestData generate(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[rows][];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      double x1 = 10 * random.nextDouble();
      double x2 = 0.5 * x1 + random.nextGaussian();
      double x3 = 1e6 + random.nextGaussian();
      x[i] = new double[] {x1, x2, x3};
      y[i] = TRUE_THETA[0] + TRUE_THETA[1] * x1 + TRUE_THETA[2] * x2 + TRUE_THETA[3] * (x3 - 1e6)
          + 0.5 * random.nextGaussian();
    }
    return new TestData(x, y);
  }

  /** Writes "id,x1,x2,x3,y" with an unused leading id column, like Advertising.csv's. */
  public Path writeCsv(Path file) {
    List<String> lines = new ArrayList<>();
    lines.add("id,x1,x2,x3,y");
    for (int i = 0; i < y.length; i++) {
      lines.add(i + "," + x[i][0] + "," + x[i][1] + "," + x[i][2] + "," + y[i]);
    }
    return write(file, lines);
  }

  /** This data as {@code dir/data.csv} ({@link #writeCsv}), written on the first call. */
  public Path csvIn(Path dir) {
    Path file = dir.resolve("data.csv");
    return Files.exists(file) ? file : writeCsv(file);
  }

  public static Path write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public double[] closedForm() {
    return LeastSquaresReference.solve(x, y);
  }
}
