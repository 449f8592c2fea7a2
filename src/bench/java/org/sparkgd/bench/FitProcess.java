package org.sparkgd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One whole {@code scripts/sparkgd fit} process as a user starts it, and what it took: the
 * per-iteration times from its history's {@code elapsed_ms}, and its wall time split by the
 * timestamps of the log lines that end each phase.
 *
 * @param iterationMillis differences of elapsed_ms for iterations 1…n (index 0: iteration 1)
 * @param phases phase name → seconds, in order; they add up to {@code wallSeconds}
 */
record FitProcess(String label, double wallSeconds, double[] iterationMillis,
    Map<String, Double> phases, int cachedPartitions) {

  /** The first phase: from the process start to the fit's first log line. */
  static final String START = "JVM and Spark start";
  /** The log messages that end each phase, in order, and the phase they end. */
  private static final String[][] PHASE_ENDS = {
      {"FitJob: Fitting ", START},
      {" rows cached in ", "read and cache"},
      {"Fitter: Exact reference", "reference pass"},
      {"Fitter: Descent stopped", "iterations"},
      {"Fitter: Training metrics", "training metrics"},
      {"FitOutputs: Wrote ", "writing outputs"}};
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");

  /** Per-iteration median over iterations 1…{@code upTo} (ms). */
  double median(int upTo) {
    return Stats.median(java.util.Arrays.copyOf(iterationMillis,
        Math.min(upTo, iterationMillis.length)));
  }

  double p90(int upTo) {
    return Stats.quantile(java.util.Arrays.copyOf(iterationMillis,
        Math.min(upTo, iterationMillis.length)), 0.9);
  }

  /**
   * Runs {@code sparkgd fit} with {@code args} (an {@code --output} among them), logging into
   * {@code logDir}, and reads its history with {@code spark}.
   */
  static FitProcess run(SparkSession spark, Path sparkgd, String label, List<String> args,
      Path output, Path logDir) throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    List<String> command = new ArrayList<>(List.of(sparkgd.toString(), "fit"));
    command.addAll(args);
    long started = System.currentTimeMillis();
    Processes.run(command, Map.of("SPARKGD_LOG_DIR", logDir.toString()), logDir.resolve(
        "console.txt"));
    long ended = System.currentTimeMillis();
    double[] elapsed = spark.read().parquet(output.resolve("history").toString())
        .orderBy("iteration").select("elapsed_ms").collectAsList().stream()
        .mapToDouble(r -> r.getDouble(0)).toArray();
    double[] perIteration = new double[Math.max(0, elapsed.length - 1)];
    for (int k = 1; k < elapsed.length; k++) {
      perIteration[k - 1] = elapsed[k] - elapsed[k - 1];
    }
    List<String> log = Files.readAllLines(logDir.resolve("sparkgd.log"));
    return new FitProcess(label, (ended - started) / 1e3, perIteration,
        phases(log, started, ended), cachedPartitions(log));
  }

  /** Seconds of each phase, from the process start to the first line ending it, and so on. */
  static Map<String, Double> phases(List<String> log, long startedMillis, long endedMillis) {
    Map<String, Double> phases = new LinkedHashMap<>();
    long previous = startedMillis;
    for (String[] end : PHASE_ENDS) {
      String line = log.stream().filter(l -> l.contains(end[0])).findFirst().orElse(null);
      if (line == null) {
        continue;
      }
      long at = LocalDateTime.parse(line.substring(0, 23), LOG_TIME)
          .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
      phases.put(end[1], (at - previous) / 1e3);
      previous = at;
    }
    phases.put("summary and exit", (endedMillis - previous) / 1e3);
    return phases;
  }

  private static int cachedPartitions(List<String> log) {
    return log.stream().filter(l -> l.contains(" rows cached in ")).findFirst()
        .map(l -> Integer.parseInt(l.replaceAll(".* rows cached in (\\d+) partition.*", "$1")))
        .orElse(-1);
  }
}
