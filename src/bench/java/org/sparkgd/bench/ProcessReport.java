package org.sparkgd.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code processes} part as Markdown: per-iteration times of whole fresh
 * {@code sparkgd fit} processes beside the roofline, Spark's floor and MLlib, each against the
 * issue's target; then each process's wall time by phase.
 */
final class ProcessReport {
  /** The sample fit may take this much beyond JVM and Spark start. */
  private static final double SAMPLE_REST_SECONDS = 3;
  /** The targets are of iterations 1–100. */
  private static final int TARGET_ITERATIONS = 100;

  private final StringBuilder out = new StringBuilder();

  private ProcessReport() {}

  static String markdown(FreshProcesses.Result r) {
    return new ProcessReport().write(r);
  }

  private String write(FreshProcesses.Result r) {
    double floor = r.floor()[0];
    double roof = r.roofline().median();
    line("## Fresh `sparkgd fit` processes: %,d rows × 3 features, iterations 1–%d",
        r.rows(), r.iterations());
    line("");
    line("Spark's empty-job floor (fresh JVM, jobs 10–%d): median %.1f ms, p90 %.1f ms. "
        + "Roofline loop on the same rows (%d threads, this JVM): median %.1f ms.%s",
        r.floorJobs(), floor, r.floor()[1], r.threads(), roof, r.csvMiB() > 0
            ? String.format(Locale.ROOT, " CSV file %.0f MiB.", r.csvMiB()) : "");
    line("");
    // The targets are of iterations 1–100; a longer run shows 1–N beside them.
    int first = Math.min(TARGET_ITERATIONS, r.iterations());
    boolean longer = r.iterations() > TARGET_ITERATIONS;
    String more = longer ? String.format(Locale.ROOT, " median 1–%d | p90 1–%d |",
        r.iterations(), r.iterations()) : "";
    line("| run | cached partitions | median 1–%d ms | p90 1–%d ms | target | met |%s wall s |",
        first, first, more);
    line("|---|---:|---:|---:|---|---|%s---:|", longer ? "---:|---:|" : "");
    for (FitProcess f : r.fits()) {
      double median = f.median(first);
      String[] target = target(f.label(), r.rows(), floor, roof);
      String met = target[1] == null ? "" : median <= Double.parseDouble(target[1]) ? "yes"
          : "no";
      String cells = longer ? String.format(Locale.ROOT, " %.1f | %.1f |",
          f.median(r.iterations()), f.p90(r.iterations())) : "";
      line("| sparkgd %s | %d | %.1f | %.1f | %s | %s |%s %.1f |", f.label(),
          f.cachedPartitions(), median, f.p90(first), target[0], met, cells, f.wallSeconds());
    }
    for (Map.Entry<String, double[]> m : r.mllib().entrySet()) {
      line("| MLlib runMiniBatchSGD, %s | | %.1f | | | |%s %.1f |", m.getKey(),
          m.getValue()[0], longer ? " | |" : "", m.getValue()[1]);
    }
    line("");
    line("Each sparkgd row is the median of %d process%s (by per-iteration median).",
        r.repetitions(), r.repetitions() == 1 ? "" : "es");
    line("");
    line(r.mllib().isEmpty() ? "MLlib was not timed in this run (--no-process-mllib)."
        : "MLlib's per-iteration time is (long run − short run) / (difference of lengths) in "
        + "one process; its wall time is the whole process (read, scale, cache, both runs).");
    line("");
    line("| run | %s |", String.join(" | ", r.fits().get(0).phases().keySet()) + " | total");
    line("|---|%s", "---:|".repeat(r.fits().get(0).phases().size() + 1));
    for (FitProcess f : r.fits()) {
      phases(f);
    }
    phases(r.sample());
    line("");
    double start = r.sample().phases().getOrDefault(FitProcess.START, 0.0);
    double rest = r.sample().wallSeconds() - start;
    line("The README's sample fit (%s, default options), from the command to the summary: "
        + "%.2f s, of which JVM and Spark start %.2f s and the rest %.2f s (target: the rest "
        + "≤ %.0f s: %s).", FreshProcesses.SAMPLE.getFileName(), r.sample().wallSeconds(), start,
        rest, SAMPLE_REST_SECONDS, rest <= SAMPLE_REST_SECONDS ? "met" : "not met");
    line("");
    line("Phases (s) end at the log lines `Fitting`, `rows cached`, `Exact reference`, `Descent "
        + "stopped`, `Training metrics`, `Wrote`; the first counts from the process start.");
    line("");
    return out.toString();
  }

  private void phases(FitProcess f) {
    StringBuilder cells = new StringBuilder();
    for (double s : f.phases().values()) {
      cells.append(String.format(Locale.ROOT, " %.2f |", s));
    }
    line("| %s |%s %.2f |", f.label(), cells, f.wallSeconds());
  }

  /** The target for this run as {text, limit in ms}, or {"", null}. */
  static String[] target(String label, long rows, double floor, double roof) {
    if (label.endsWith("batch")) {
      if (rows <= 1_000_000) {
        return limit("≤ 1.5× floor", 1.5 * floor);
      }
      return rows >= 100_000_000 ? limit("≤ floor + 1.3× roofline", floor + 1.3 * roof)
          : limit("≤ floor + 1.2× roofline", floor + 1.2 * roof);
    }
    if (label.endsWith("minibatch 0.1")) {
      return limit("≤ floor + 0.2× roofline", floor + 0.2 * roof);
    }
    if (label.endsWith("minibatch 0.01")) {
      return limit("≤ 1.5× floor", 1.5 * floor);
    }
    return new String[] {"", null};
  }

  private static String[] limit(String text, double millis) {
    return new String[] {String.format(Locale.ROOT, "%s = %.1f", text, millis),
        Double.toString(millis)};
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
