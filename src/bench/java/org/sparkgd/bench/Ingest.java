package org.sparkgd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparkgd.data.AdvertisingGenerator;

/**
 * The {@code ingest} part: reading and caching, in fresh processes, for each row count of
 * {@code --ingest-rows} and each format. sparkgd's figure is {@code read_cache} of the
 * {@code timings} in model.json of a one-iteration fit without the reference; Spark's own is
 * {@link SparkOwnRead} (read, cast to double, cache, count) in its own JVM, run right after
 * on the same file. Then the whole default fit as a user runs it (the script, default
 * options), and on CSV ml's {@code LinearRegression} with the normal solver
 * ({@link MllibNormalProcess}), each a process timed from outside. Repeated
 * {@code --process-repetitions} times; medians.
 */
final class Ingest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One size and format: medians in seconds, and the file's size. */
  record Row(long rows, String format, double mib, double sparkgd, double spark,
      double startup, double total, double defaultFit, double mllib) {
    double ratio() {
      return sparkgd / spark;
    }
  }

  private Ingest() {}

  static List<Row> run(BenchSettings.ProcessSettings settings, Path scratch)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(scratch, "sparkgd-ingest-");
    List<Row> rows = new ArrayList<>();
    try {
      Processes.prepareClassArchive(settings.sparkgd(), dir);
      for (long n : settings.ingestRows()) {
        for (String format : settings.formats()) {
          rows.add(measure(settings, dir, n, format));
        }
      }
    } finally {
      Processes.run(List.of("rm", "-rf", dir.toString()), Map.of(), scratch.resolve(
          "ingest-cleanup.txt"));
    }
    return rows;
  }

  private static Row measure(BenchSettings.ProcessSettings settings, Path dir, long n,
      String format) throws IOException, InterruptedException {
    Path file = dir.resolve(n + "." + format);
    List<String> generate = new ArrayList<>(List.of(settings.sparkgd().toString(), "generate",
        "--rows", Long.toString(n), "--format", format, "--output", file.toString()));
    if (format.equals("csv")) {
      generate.add("--single-file");
    }
    Map<String, String> env = Map.of("SPARKGD_LOG_DIR", dir.resolve("logs").toString());
    Processes.run(generate, env, dir.resolve("generate.txt"));
    int k = settings.repetitions();
    double[] sparkgd = new double[k];
    double[] spark = new double[k];
    double[] startup = new double[k];
    double[] total = new double[k];
    double[] defaultFit = new double[k];
    double[] mllib = new double[k];
    for (int r = 0; r < k; r++) {
      Path output = dir.resolve("fit");
      Processes.run(List.of(settings.sparkgd().toString(), "fit", "--input", file.toString(),
          "--label", AdvertisingGenerator.LABEL, "--features",
          String.join(",", AdvertisingGenerator.FEATURES), "--max-iterations", "1",
          "--tolerance", "0", "--learning-rate", "0.1", "--reference", "off", "--output",
          output.toString(), "--overwrite"), env, dir.resolve("fit.txt"));
      JsonNode timings = JSON.readTree(output.resolve("model.json").toFile()).get("timings");
      sparkgd[r] = timings.get("read_cache").asDouble();
      startup[r] = timings.path("jvm_start").asDouble() + timings.path("spark_start").asDouble();
      total[r] = timings.get("total").asDouble();
      Path console = dir.resolve("spark-read.txt");
      Processes.run(Processes.java(SparkOwnRead.class, file.toString(), format), Map.of(),
          console);
      spark[r] = Processes.numbersAfter(console, "SPARK_READ_S")[0];
      long start = System.nanoTime();
      Processes.run(List.of(settings.sparkgd().toString(), "fit", "--input", file.toString(),
          "--label", AdvertisingGenerator.LABEL, "--features",
          String.join(",", AdvertisingGenerator.FEATURES), "--output", output.toString(),
          "--overwrite"), env, dir.resolve("default-fit.txt"));
      defaultFit[r] = (System.nanoTime() - start) / 1e9;
      mllib[r] = Double.NaN;
      if (format.equals("csv")) {
        List<String> args = new ArrayList<>(List.of(file.toString(), AdvertisingGenerator.LABEL));
        args.addAll(AdvertisingGenerator.FEATURES);
        start = System.nanoTime();
        Processes.run(Processes.java(MllibNormalProcess.class, args.toArray(String[]::new)),
            Map.of(), dir.resolve("mllib.txt"));
        mllib[r] = (System.nanoTime() - start) / 1e9;
      }
    }
    return new Row(n, format, bytes(file) / 1048576.0, median(sparkgd), median(spark),
        median(startup), median(total), median(defaultFit), median(mllib));
  }

  private static long bytes(Path file) throws IOException {
    if (!Files.isDirectory(file)) {
      return Files.size(file);
    }
    try (var files = Files.walk(file)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }

  static String markdown(List<Row> rows, int repetitions) {
    StringBuilder out = new StringBuilder();
    out.append("## Reading and caching (fresh processes, medians of ").append(repetitions)
        .append(")\n\n")
        .append("sparkgd: `timings.read_cache` of a 1-iteration `fit --reference off` "
            + "(read, statistics, standardize, cache). Spark: `spark.read`, cast the four "
            + "columns to double, `cache()`, `count()` in its own JVM, right after.\n\n")
        .append("| rows | format | MiB | sparkgd read + cache (s) | Spark read + cast + cache "
            + "(s) | ratio | target | JVM + Spark start (s) | whole fit (s) |\n")
        .append("|---:|---|---:|---:|---:|---:|---|---:|---:|\n");
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "| %,d | %s | %.0f | %.2f | %.2f | %.2f | %s | %.2f "
          + "| %.2f |%n", r.rows(), r.format(), r.mib(), r.sparkgd(), r.spark(), r.ratio(),
          r.format().equals("csv") ? "≤ 0.2" : "≤ 0.25", r.startup(), r.total()));
    }
    out.append("\n## Whole default fit (fresh processes, medians of ").append(repetitions)
        .append(")\n\n")
        .append("`sparkgd fit --input FILE --label sales --features TV,radio,newspaper` with "
            + "default options, and on CSV ml's `LinearRegression` (`solver=normal`, "
            + "`VectorAssembler`, Spark's CSV reader with the schema given), each a whole "
            + "process timed from outside.\n\n")
        .append("| rows | format | sparkgd default fit (s) | ml LinearRegression normal (s) "
            + "| speed-up | target |\n|---:|---|---:|---:|---:|---|\n");
    for (Row r : rows) {
      boolean csv = r.format().equals("csv");
      out.append(String.format(Locale.ROOT, "| %,d | %s | %.2f | %s | %s | %s |%n", r.rows(),
          r.format(), r.defaultFit(), csv ? String.format(Locale.ROOT, "%.2f", r.mllib()) : "",
          csv ? String.format(Locale.ROOT, "%.1f×", r.mllib() / r.defaultFit()) : "",
          csv ? "≥ 5×" : "≤ CSV's"));
    }
    return out.append('\n').toString();
  }
}
