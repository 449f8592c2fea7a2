package org.sparkgd.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's results as Markdown: the machine and the run, the main table with each ratio
 * against its target, then the end-to-end fit, the breakdown and the memory check when they ran.
 */
final class Report {
  /** Rows at which the roofline target tightens from 2.5× to 1.5×. */
  private static final long LARGE = 100_000_000L;

  private final Results r;
  private final BenchSettings settings;
  private final StringBuilder out = new StringBuilder();

  private Report(Results results, BenchSettings settings) {
    this.r = results;
    this.settings = settings;
  }

  static String markdown(Results results, BenchSettings settings, String command) {
    return new Report(results, settings).write(command);
  }

  private String write(String command) {
    // The width and ingest parts size their data by their own options, not by --rows.
    if (settings.parts().stream().allMatch(p -> p == Part.WIDTH || p == Part.INGEST)) {
      line("# sparkgd benchmark: %s", String.join(", ",
          EnumSet.copyOf(settings.parts()).stream().map(p -> p.option).toList()));
    } else {
      line("# sparkgd benchmark: %,d rows × %d features", r.rows, Math.max(r.numFeatures, 3));
    }
    line("");
    line("- Machine: %s", r.machine.summary());
    if (r.numFeatures > 0) {
      line("- Spark %s, master `%s`; %d partitions of generated rows, %d task threads; data "
          + "generated, standardized and cached in %.1f s", r.sparkVersion, r.master,
          r.partitions, r.threads, r.dataSeconds);
    } else {
      line("- Spark %s, master `%s`, %d task threads", r.sparkVersion, r.master, r.threads);
    }
    line("- Warm-up %d, repetitions %d (fits and end to end: %d); load average %.2f before, "
        + "%.2f after", settings.warmup(), settings.repetitions(), settings.fitRepetitions(),
        r.loadBefore, r.loadAfter);
    line("- Started %s; command: `%s`", r.started, command);
    line("");
    if (r.processes != null) {
      out.append(ProcessReport.markdown(r.processes));
    }
    if (r.ingest != null) {
      out.append(Ingest.markdown(r.ingest, settings.processes().repetitions()));
    }
    if (settings.parts().stream().anyMatch(p -> p != Part.PROCESSES && p != Part.WIDTH
        && p != Part.INGEST)) {
      table();
    }
    if (!r.width.isEmpty()) {
      out.append(WidthSweep.markdown(r.width, settings.width().cells()));
    }
    endToEnd();
    breakdown();
    memory();
    return out.toString();
  }

  private void table() {
    line("| measurement | median | min | max | ratio | target | met |");
    line("|---|---:|---:|---:|---|---|---|");
    if (r.batch != null) {
      row("sparkgd batch iteration (ms)", r.batch, String.format("%.3g ns per row",
          r.batch.median() * 1e6 / r.rows), "", null);
    }
    if (r.miniBatchTenth != null) {
      row("sparkgd mini-batch 0.1 iteration (ms)", r.miniBatchTenth,
          ratio(r.miniBatchTenth, r.batch, "× batch"), "", null);
      Double q = quotient(r.miniBatchHundredth, r.batch);
      row("sparkgd mini-batch 0.01 iteration (ms)", r.miniBatchHundredth,
          ratio(r.miniBatchHundredth, r.batch, "× batch"), "≤ 0.25× batch",
          q == null ? null : q <= 0.25);
    }
    if (r.sgdFull != null) {
      Double q = quotient(r.sgdFull, r.batch);
      row("MLlib runMiniBatchSGD 1.0, per iteration (ms)", r.sgdFull,
          ratio(r.sgdFull, r.batch, "× sparkgd batch"), "≥ 20× sparkgd batch",
          q == null ? null : q >= 20);
      row("MLlib runMiniBatchSGD 0.01, per iteration (ms)", r.sgdHundredth,
          ratio(r.sgdHundredth, r.miniBatchHundredth, "× sparkgd mini-batch 0.01"), "", null);
    }
    if (r.lbfgsFit != null) {
      row("MLlib LinearRegression l-bfgs fit (s)", r.lbfgsFit, r.lbfgsIterations
          + " iterations; " + ratio(r.lbfgsFit.scaled(1e3), r.batch, "sparkgd batch iterations")
          .replace("×", "="), "", null);
      row("MLlib LinearRegression normal fit (s)", r.normalFit,
          ratio(r.normalFit.scaled(1e3), r.batch, "sparkgd batch iterations").replace("×", "="),
          "", null);
    }
    if (r.roofline != null) {
      double limit = r.rows >= LARGE ? 1.5 : 2.5;
      Double q = quotient(r.batch, r.roofline);
      row("roofline: plain Java loop, " + r.threads + " threads (ms)", r.roofline,
          (r.batch == null ? "" : String.format("sparkgd batch = %.2f× this; ", q))
              + String.format("its sums equal the evaluator's to %.0e", r.rooflineDifference),
          String.format("≤ %.1f×%s", limit, r.rows >= LARGE ? "" : " (1.5× at 1e8 rows)"),
          q == null ? null : q <= limit);
    }
    if (r.sparkgdBytes != null) {
      double q = r.sparkgdBytes.totalBytes() / r.packedBytes();
      bytesRow("cached bytes, sparkgd blocks (MiB)", r.sparkgdBytes, q, "≤ 1.05×", q <= 1.05);
      if (r.mllibBytes != null) {
        bytesRow("cached bytes, MLlib (label, vector) RDD (MiB)", r.mllibBytes,
            r.mllibBytes.totalBytes() / r.packedBytes(), "", null);
      }
    }
    if (r.endToEnd != null) {
      EndToEnd.Result e = r.endToEnd;
      Double q = quotient(e.sparkgd().seconds(), e.linearRegression().seconds());
      row(String.format("end to end from CSV, sparkgd (s), %,d rows", e.rows()),
          e.sparkgd().seconds(), ratio(e.sparkgd().seconds(), e.linearRegression().seconds(),
              "× ml.LinearRegression"), "< 1×", q < 1);
      row("end to end from CSV, ml.LinearRegression l-bfgs (s)", e.linearRegression().seconds(),
          "", "", null);
      agreementRow("sparkgd", e.sparkgd(), e.linearRegression());
      row("end to end from CSV, sparkgd --step conjugate-gradient (s)",
          e.sparkgdConjugate().seconds(), ratio(e.sparkgdConjugate().seconds(),
              e.linearRegression().seconds(), "× ml.LinearRegression"), "< 1×",
          quotient(e.sparkgdConjugate().seconds(), e.linearRegression().seconds()) < 1);
      agreementRow("sparkgd --step conjugate-gradient", e.sparkgdConjugate(),
          e.linearRegression());
    }
    line("");
    line("Ratios are of medians. Cached bytes are Spark's storage status (memory + disk) against "
        + "8 × rows × (features + 1) bytes, the packed doubles themselves.");
    line("");
  }

  private void agreementRow(String name, EndToEnd.Fit sparkgd, EndToEnd.Fit lr) {
    double agreement = EndToEnd.maxRelativeDifference(sparkgd.coefficients(), lr.coefficients());
    line("| end to end: coefficients, %s vs ml.LinearRegression | | | | "
        + "%.2g largest relative difference | ≤ 1e-6 | %s |", name, agreement,
        agreement <= 1e-6 ? "yes" : "no");
  }

  private void endToEnd() {
    if (r.endToEnd == null) {
      return;
    }
    EndToEnd.Result e = r.endToEnd;
    line("## End to end: CSV on disk to a converged model");
    line("");
    line("%,d rows, %.0f MiB of CSV (part files with headers, written once and deleted "
        + "afterwards); relative cost change %.0e; sparkgd: `FitJob.run` (read once, "
        + "standardize, cache, the exact reference pass, descend, write history, model.json and "
        + "plots), with its default options and with `--step conjugate-gradient`; "
        + "ml.LinearRegression: Spark's CSV reader, VectorAssembler, l-bfgs, tol %.0e. The exact "
        + "solution is ml.LinearRegression's normal equations on the same file.", e.rows(),
        e.csvBytes() / (double) (1 << 20), settings.endToEndTolerance(),
        settings.endToEndTolerance());
    line("");
    line("| fit | median s | min s | max s | iterations | %s | largest relative difference "
        + "to exact | ‖Δ‖/‖exact‖ |", String.join(" | ", EndToEnd.columns()));
    line("|---|---:|---:|---:|---:|%s---:|---:|", "---:|".repeat(EndToEnd.columns().size()));
    fitRow("sparkgd, default options", e.sparkgd(), e.exact());
    fitRow("sparkgd --step conjugate-gradient", e.sparkgdConjugate(), e.exact());
    fitRow("ml.LinearRegression l-bfgs", e.linearRegression(), e.exact());
    line("| exact (normal equations) | | | | | %s | | |", joined(e.exact()));
    line("");
  }

  private void fitRow(String name, EndToEnd.Fit fit, double[] exact) {
    line("| %s | %s | %s | %s | %d | %s | %.2g | %.2g |", name, num(fit.seconds().median()),
        num(fit.seconds().min()), num(fit.seconds().max()), fit.iterations(),
        joined(fit.coefficients()), EndToEnd.maxRelativeDifference(fit.coefficients(), exact),
        EndToEnd.normRelativeDifference(fit.coefficients(), exact));
  }

  private void breakdown() {
    if (r.pieces == null) {
      return;
    }
    Breakdown.Pieces p = r.pieces;
    JobProbe.Averages m = p.metrics();
    line("## Where a batch iteration's time goes");
    line("");
    line("| piece | median ms | min ms | max ms |");
    line("|---|---:|---:|---:|");
    timingRow("evaluate(θ), the whole iteration as the descent sees it", p.evaluate());
    line("| … Spark job span, submitted to ended (listener; %.0f job, %.0f stage, %.0f tasks) "
        + "| %s | | |", m.jobsPerIteration(), m.stagesPerIteration(), m.tasksPerIteration(),
        num(m.jobSpanMillisPerIteration()));
    line("| … per task: duration | %s | | |", num(m.durationMillisPerTask()));
    line("| … per task: run time (the loop over the blocks) | %s | | |",
        num(m.runMillisPerTask()));
    line("| … per task: CPU time of that run | %s | | |", num(m.cpuMillisPerTask()));
    line("| … per task: deserialization | %s | | |", num(m.deserializeMillisPerTask()));
    line("| … per task: result serialization (%.0f bytes a result) | %s | | |",
        m.resultBytesPerTask(), num(m.resultSerializeMillisPerTask()));
    timingRow("an empty job over the cached partitions: JavaRDD.foreachPartition, nothing done",
        p.emptyJob());
    timingRow("an empty job over the cached partitions: SparkContext.runJob, named no-op "
        + "function", p.emptyRunJob());
    timingRow("broadcast θ + destroy() alone (no job)", p.broadcastAndDestroy());
    timingRow("broadcast θ + destroy(true) alone (no job)", p.broadcastAndBlockingDestroy());
    if (r.roofline != null) {
      timingRow("the same arithmetic without Spark (roofline loop)", r.roofline);
    }
    line("");
    variants("Variants of the evaluator, batch (timed in turns)", r.batchVariants);
    variants("Variants of the evaluator, mini-batch 0.01 (timed in turns)", r.miniBatchVariants);
  }

  private void variants(String title, List<Breakdown.Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    // The variants are knobs on the scratch copy, so they are compared with it: the JIT can
    // compile the copy's loop apart from the evaluator's, and the two need not run equally fast.
    double base = lines.get(Math.min(1, lines.size() - 1)).timing().median();
    line("%s; each variant is compared with the scratch copy it modifies:", title);
    line("");
    line("| evaluator | median ms | min ms | max ms | vs scratch copy | result vs evaluator |");
    line("|---|---:|---:|---:|---:|---:|");
    for (Breakdown.Line l : lines) {
      line("| %s | %s | %s | %s | %+.0f%% | %s |", l.name(), num(l.timing().median()),
          num(l.timing().min()), num(l.timing().max()),
          100 * (l.timing().median() - base) / base,
          l == lines.get(0) ? "—" : String.format("%.1g", l.resultDifference()));
    }
    line("");
  }

  private void memory() {
    if (r.memory.isEmpty()) {
      return;
    }
    line("## Memory over a long run");
    line("");
    line("After %,d untimed iterations (which fill what Spark keeps of past jobs by design), "
        + "the driver's heap after a full GC and the broadcast blocks its block manager holds, "
        + "at the start, halfway and at the end.", MemoryGrowth.WARMUP_ITERATIONS);
    line("");
    line("| evaluator | iterations | ms per iteration | heap after GC (MiB): start → half → "
        + "end | growth, first half / second half (MiB) | broadcast blocks: start → half → end |");
    line("|---|---:|---:|---|---|---|");
    for (MemoryGrowth.Result m : r.memory) {
      double start = m.start().heapBytes() / 1048576.0;
      double middle = m.middle().heapBytes() / 1048576.0;
      double end = m.end().heapBytes() / 1048576.0;
      line("| %s | %,d | %s | %.1f → %.1f → %.1f | %+.1f / %+.1f | %d → %d → %d |",
          m.evaluator(), m.iterations(), num(m.millisPerIteration()), start, middle, end,
          middle - start, end - middle, m.start().broadcastBlocks(),
          m.middle().broadcastBlocks(), m.end().broadcastBlocks());
    }
    line("");
  }

  private void row(String name, Timing t, String ratio, String target, Boolean met) {
    if (t == null) {
      return;
    }
    line("| %s | %s | %s | %s | %s | %s | %s |", name, num(t.median()), num(t.min()),
        num(t.max()), ratio, target, met == null ? "" : met ? "yes" : "no");
  }

  private void bytesRow(String name, CachedBytes b, double ratio, String target, Boolean met) {
    line("| %s | %.1f | | | %.3f× 8·rows·(d+1)%s | %s | %s |", name,
        b.totalBytes() / 1048576.0, ratio,
        b.cachedPartitions() < b.partitions() ? String.format(" (only %d of %d partitions "
            + "cached)", b.cachedPartitions(), b.partitions()) : "",
        target, met == null ? "" : met ? "yes" : "no");
  }

  private void timingRow(String name, Timing t) {
    line("| %s | %s | %s | %s |", name, num(t.median()), num(t.min()), num(t.max()));
  }

  private static Double quotient(Timing a, Timing b) {
    return a == null || b == null ? null : a.median() / b.median();
  }

  private static String ratio(Timing a, Timing b, String unit) {
    Double q = quotient(a, b);
    return q == null ? "" : String.format(Locale.ROOT, "%.3g %s", q, unit);
  }

  /** Three significant digits, without an exponent for the sizes timings have. */
  static String num(double v) {
    double a = Math.abs(v);
    String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, f, v);
  }

  private static String joined(double[] values) {
    List<String> cells = new ArrayList<>();
    Arrays.stream(values).forEach(v -> cells.add(String.format(Locale.ROOT, "%.9g", v)));
    return String.join(" | ", cells);
  }

  private static String trim(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
