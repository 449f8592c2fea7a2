package org.sparkgd.config;

import java.util.List;
import org.sparkgd.UserError;

/**
 * What {@code sparkgd plot} runs with.
 *
 * @param histories fit output folders or their history folders: one cost line each
 * @param output the folder for the PNG files, or null for the first fit's folder
 */
public record PlotConfig(List<String> histories, String output, boolean logScale, int width,
    int height, String master) {
  /** The images' default size in pixels, for the plot command and a fit's own plots. */
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 600;

  public PlotConfig {
    histories = histories == null ? List.of() : List.copyOf(histories);
    if (histories.isEmpty()) {
      throw UserError.usage("--history is required");
    }
    if (width < 200 || width > 10_000 || height < 200 || height > 10_000) {
      throw UserError.usage("--width and --height must be between 200 and 10000 pixels, got "
          + width + " × " + height);
    }
  }
}
