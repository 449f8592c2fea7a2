package org.sparkgd.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.sparkgd.optim.IterationRecord;

/**
 * The charts of a descent, built with JFreeChart: the cost against the iteration (one line per
 * run, as the tutorials' "cost vs iterations for different alpha values"), and the coefficient
 * paths, each θ_j against the cost and against the iteration.
 */
public final class Charts {
  /** Drawn at most this many points a line: a longer history is thinned evenly (last kept). */
  static final int MAX_POINTS = 4000;
  /** Tableau's ten colours: distinct, and the same series gets the same colour everywhere. */
  private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B),
      new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948),
      new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final String COST_LABEL = "cost J(θ), standardized scale";

  static {
    // Render off-screen: a driver on a server has no display. Must be set before AWT starts.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Charts() {}

  /**
   * One descent's history.
   *
   * @param name its legend entry, e.g. "α = 0.1"
   * @param setup what runs compared on one chart share: "batch gradient descent, 5000 rows"
   * @param settings one line on how it was run, for the subtitle
   * @param terms the names of θ's entries: "(intercept)", then the features
   */
  public record Run(String name, String setup, String settings, List<String> terms,
      List<IterationRecord> history) {

    /** The same run under another legend name. */
    public Run named(String newName) {
      return new Run(newName, setup, settings, terms, history);
    }
  }

  /**
   * A run, legend-named by its name in the history ("alpha=0.1"), its terms "(intercept)" and
   * the features.
   *
   * @param optimizer how the run stepped, e.g. "Constant[alpha=0.1], plain" (or null)
   * @param stopReason how it ended, or null when not known
   */
  public static Run run(String name, List<String> features, String mode, long rows,
      String optimizer, String stopReason, long iterations, List<IterationRecord> history) {
    List<String> terms = new ArrayList<>();
    terms.add("(intercept)");
    terms.addAll(features);
    String setup = (mode.equals("minibatch") ? "mini-batch" : mode) + " gradient descent"
        + (rows < 0 ? "" : ", " + rows + " rows");
    return new Run(name, setup, settings(setup, name, optimizer, stopReason, iterations), terms,
        history);
  }

  /** "y ~ x1 + x2". */
  public static String formula(String label, List<String> features) {
    return label + " ~ " + String.join(" + ", features);
  }

  /** "batch gradient descent, 5000 rows, alpha=0.1, converged after 97 iterations". */
  private static String settings(String setup, String name, String optimizer,
      String stopReason, long iterations) {
    String stop = stopReason == null ? iterations + " iterations" : switch (stopReason) {
      case "converged" -> "converged after " + iterations + " iterations";
      case "diverged" -> "diverged after " + iterations + " iterations";
      case "max_iterations" -> iterations + " iterations (the maximum)";
      default -> stopReason + " after " + iterations + " iterations";
    };
    return setup + ", " + (optimizer == null ? name : optimizer) + ", " + stop;
  }

  /** @param model what was fitted, e.g. "sales ~ TV + radio + newspaper" */
  public static JFreeChart cost(String model, List<Run> runs, boolean logScale) {
    XYSeriesCollection lines = new XYSeriesCollection();
    for (Run run : runs) {
      XYSeries line = new XYSeries(run.name(), false, true);
      for (IterationRecord r : thinned(run.history())) {
        if (plottable(r.cost(), logScale)) {
          line.add(r.iteration(), r.cost());
        }
      }
      lines.addSeries(line);
    }
    XYPlot plot = new XYPlot(lines, axis("iteration", false), axis(COST_LABEL, logScale),
        renderer(runs.size(), true));
    String subtitle = runs.size() == 1 ? runs.get(0).settings()
        : runs.get(0).setup() + "; one line per run";
    return chart("Cost vs iterations: " + model, subtitle, plot, runs.size() > 1);
  }

  /**
   * θ_j (standardized scale, intercept first) against the cost (left) and the iteration
   * (right), with the θ axis shared.
   */
  public static JFreeChart coefficients(String model, Run run, boolean logScale) {
    List<String> terms = run.terms();
    List<IterationRecord> history = thinned(run.history());
    XYSeriesCollection byCost = new XYSeriesCollection();
    XYSeriesCollection byIteration = new XYSeriesCollection();
    for (int j = 0; j < terms.size(); j++) {
      XYSeries costPath = new XYSeries(terms.get(j), false, true);
      XYSeries iterationPath = new XYSeries(terms.get(j), false, true);
      for (IterationRecord r : history) {
        double theta = r.theta()[j];
        if (Double.isFinite(theta)) {
          iterationPath.add(r.iteration(), theta);
          if (plottable(r.cost(), logScale)) {
            costPath.add(r.cost(), theta);
          }
        }
      }
      byCost.addSeries(costPath);
      byIteration.addSeries(iterationPath);
    }
    CombinedRangeXYPlot plot = new CombinedRangeXYPlot(axis("θ_j, standardized scale", false));
    plot.setGap(24);
    plot.add(new XYPlot(byCost, axis(COST_LABEL, logScale), null,
        renderer(terms.size(), true)), 1);
    plot.add(new XYPlot(byIteration, axis("iteration", false), null,
        renderer(terms.size(), false)), 1);
    return chart("Coefficient paths: " + model, run.settings(), plot, true);
  }

  private static JFreeChart chart(String title, String subtitle,
      org.jfree.chart.plot.Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
    chart.addSubtitle(new TextTitle(subtitle, SUBTITLE));
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (plot instanceof XYPlot xy) {
      style(xy);
    } else if (plot instanceof CombinedRangeXYPlot combined) {
      for (XYPlot sub : combined.getSubplots()) {
        style(sub);
      }
    }
    return chart;
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setOutlinePaint(new Color(0x999999));
  }

  private static ValueAxis axis(String label, boolean log) {
    if (log) {
      // Ticks at 1, 2, … 9 × 10^k, labelled as plain numbers.
      LogarithmicAxis axis = new LogarithmicAxis(label);
      axis.setStrictValuesFlag(false);
      axis.setAutoRangeNextLogFlag(false);
      axis.setUpperMargin(0.02);
      axis.setLowerMargin(0.02);
      return axis;
    }
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  /** Lines in the palette's colours; {@code inLegend} false for a second panel's copies. */
  private static XYLineAndShapeRenderer renderer(int series, boolean inLegend) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int s = 0; s < series; s++) {
      Paint paint = PALETTE[s % PALETTE.length];
      renderer.setSeriesPaint(s, paint);
      renderer.setSeriesStroke(s, new BasicStroke(2f));
      renderer.setSeriesVisibleInLegend(s, inLegend);
    }
    return renderer;
  }

  private static boolean plottable(double cost, boolean logScale) {
    return Double.isFinite(cost) && (!logScale || cost > 0);
  }

  /** Every k-th record so that at most {@link #MAX_POINTS} remain, the last one always. */
  static List<IterationRecord> thinned(List<IterationRecord> history) {
    if (history.size() <= MAX_POINTS) {
      return history;
    }
    int step = (history.size() + MAX_POINTS - 2) / (MAX_POINTS - 1);
    List<IterationRecord> kept = new ArrayList<>();
    for (int i = 0; i < history.size() - 1; i += step) {
      kept.add(history.get(i));
    }
    kept.add(history.get(history.size() - 1));
    return kept;
  }

  /** 0.1, 0.05, 1e-05 as a person writes them. */
  static String number(double v) {
    String s = Double.toString(v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
