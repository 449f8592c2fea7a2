package org.sparkgd.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Renders charts to PNG files on any Hadoop file system, without a display. */
public final class PlotWriter {
  public static final String COST_FILE = "cost.png";
  public static final String COEFFICIENTS_FILE = "coefficients.png";

  private PlotWriter() {}

  /**
   * Writes {@code cost.png} (every run) and the coefficient paths of each run:
   * {@code coefficients.png} for one run, {@code coefficients-1.png}, … for several.
   *
   * @param model what was fitted, for the titles
   * @return the names of the files written
   */
  public static List<String> write(FileSystem fs, Path dir, String model, List<Charts.Run> runs,
      boolean logScale, int width, int height) throws IOException {
    List<String> files = new ArrayList<>();
    writePng(fs, new Path(dir, COST_FILE), Charts.cost(model, runs, logScale), width, height);
    files.add(COST_FILE);
    for (int k = 0; k < runs.size(); k++) {
      String name = runs.size() == 1 ? COEFFICIENTS_FILE : "coefficients-" + (k + 1) + ".png";
      writePng(fs, new Path(dir, name), Charts.coefficients(model, runs.get(k), logScale),
          width, height);
      files.add(name);
    }
    return files;
  }

  /**
   * Writes {@code chart} as a {@code width} × {@code height} PNG. The file appears complete or
   * not at all: it is written beside the target under a hidden name, then renamed (replacing an
   * older plot of the same name).
   */
  public static void writePng(FileSystem fs, Path file, JFreeChart chart, int width, int height)
      throws IOException {
    Path temporary = new Path(file.getParent(), "." + file.getName() + ".tmp");
    try (OutputStream out = fs.create(temporary, true)) {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException | RuntimeException e) {
      fs.delete(temporary, false);
      throw e;
    }
    if (fs.exists(file)) {
      fs.delete(file, false);
    }
    if (!fs.rename(temporary, file)) {
      throw new IOException("cannot rename " + temporary + " to " + file);
    }
  }
}
