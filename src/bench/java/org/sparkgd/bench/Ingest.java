package org.sparkgd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.sparkgd.data.AdvertisingGenerator;

/**
 * The {@code ingest} part: reading and caching, in fresh processes, for each row count of
 * {@code --ingest-rows} and each format. sparkgd's figure is {@code read_cache} of the
 * {@code timings} in model.json of a one-iteration fit without the reference; Spark's own is
 * {@link SparkOwnRead} (read, cast to double, cache, count) in its own JVM, run right after
 * on the same file. Then the whole default fit as a user runs it (the script, default
 * options), and on CSV ml's {@code LinearRegression} with the normal solver
 * ({@link MllibNormalProcess}), each a process timed from outside. Repeated
 * {@code --process-repetitions} times, the formats taking turns; medians.
 */
final class Ingest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One size and format: seconds (medians, or one repetition's), and the file's size. */
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
        rows.addAll(measure(settings, dir, n));
      }
    } finally {
      Processes.deleteTree(dir);
    }
    return rows;
  }

  /**
   * Every format at {@code n} rows. The formats take turns within each repetition, so that the
   * machine's drift over the minutes of a run falls on each alike.
   */
  private static List<Row> measure(BenchSettings.ProcessSettings settings, Path dir, long n)
      throws IOException, InterruptedException {
    Map<String, String> env = Map.of("SPARKGD_LOG_DIR", dir.resolve("logs").toString());
    List<String> formats = settings.formats();
    List<Path> files = new ArrayList<>();
    for (String format : formats) {
      Path file = dir.resolve(n + "." + format);
      List<String> generate = new ArrayList<>(List.of(settings.sparkgd().toString(),
          "generate", "--rows", Long.toString(n), "--format", format, "--output",
          file.toString()));
      if (format.equals("csv")) {
        generate.add("--single-file");
      }
      Processes.run(generate, env, dir.resolve("generate-" + format + ".txt"));
      files.add(file);
    }
    List<List<Row>> samples = new ArrayList<>();
    formats.forEach(format -> samples.add(new ArrayList<>()));
    for (int r = 0; r < settings.repetitions(); r++) {
      for (int f = 0; f < formats.size(); f++) {
        samples.get(f).add(measureOnce(settings, dir, env, n, files.get(f), formats.get(f)));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (List<Row> runs : samples) {
      Row first = runs.get(0);
      rows.add(new Row(n, first.format(), first.mib(), median(runs, Row::sparkgd),
          median(runs, Row::spark), median(runs, Row::startup), median(runs, Row::total),
          median(runs, Row::defaultFit), median(runs, Row::mllib)));
    }
    return rows;
  }

  /** One repetition on {@code file} (ml's figure NaN but on CSV). */
  private static Row measureOnce(BenchSettings.ProcessSettings settings, Path dir,
      Map<String, String> env, long n, Path file, String format)
      throws IOException, InterruptedException {
    Path output = dir.resolve("fit");
    Processes.run(List.of(settings.sparkgd().toString(), "fit", "--input", file.toString(),
        "--label", AdvertisingGenerator.LABEL, "--features",
        String.join(",", AdvertisingGenerator.FEATURES), "--max-iterations", "1",
        "--tolerance", "0", "--learning-rate", "0.1", "--reference", "off", "--output",
        output.toString(), "--overwrite"), env, dir.resolve("fit.txt"));
    JsonNode timings = JSON.readTree(output.resolve("model.json").toFile()).get("timings");
    Path console = dir.resolve("spark-read.txt");
    Processes.run(Processes.java(SparkOwnRead.class, file.toString(), format), Map.of(),
        console);
    double spark = Processes.numbersAfter(console, "SPARK_READ_S")[0];
    long start = System.nanoTime();
    Processes.run(List.of(settings.sparkgd().toString(), "fit", "--input", file.toString(),
        "--label", AdvertisingGenerator.LABEL, "--features",
        String.join(",", AdvertisingGenerator.FEATURES), "--output", output.toString(),
        "--overwrite"), env, dir.resolve("default-fit.txt"));
    double defaultFit = (System.nanoTime() - start) / 1e9;
    double mllib = Double.NaN;
    if (format.equals("csv")) {
      List<String> args = new ArrayList<>(List.of(file.toString(), AdvertisingGenerator.LABEL));
      args.addAll(AdvertisingGenerator.FEATURES);
      start = System.nanoTime();
      Processes.run(Processes.java(MllibNormalProcess.class, args.toArray(String[]::new)),
          Map.of(), dir.resolve("mllib.txt"));
      mllib = (System.nanoTime() - start) / 1e9;
    }
    return new Row(n, format, bytes(file) / 1048576.0, timings.get("read_cache").asDouble(),
        spark, timings.path("jvm_start").asDouble() + timings.path("spark_start").asDouble(),
        timings.get("total").asDouble(), defaultFit, mllib);
  }

  private static long bytes(Path file) throws IOException {
    if (!Files.isDirectory(file)) {
      return Files.size(file);
    }
    try (var files = Files.walk(file)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static double median(List<Row> runs, ToDoubleFunction<Row> figure) {
    double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
    return sorted[(sorted.length - 1) / 2];
  }

  static String markdown(List<Row> rows, int repetitions) {
    StringBuilder out = new StringBuilder();
    out.append("## Reading and caching (fresh processes, medians of ").append(repetitions)
        .append(")\n\n")
        .append("sparkgd: `timings.read_cache` of a 1-iteration `fit --reference off` "
            + "(read, statistics, standardize, cache). Spark: `spark.read`, cast the four "
            + "columns to double, `cache()`, `count()` in its own JVM, right after. The formats "
            + "take turns in each repetition.\n\n")
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
