package org.sparkgd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.SparkTestSession;

/**
 * The benchmark runs every part on a small data set and writes a complete report. Timings are
 * not asserted (a test cannot judge speed); what is checked is that each part produced its
 * figures, and the facts that do not depend on the machine: every variant of the evaluator and
 * the roofline loop compute the evaluator's sums, and the cached blocks are packed doubles.
 * An integration test: the processes part starts whole JVMs, so it runs with {@code mvn verify},
 * after the unit tests.
 */
class BenchSmokeIT {
  @TempDir
  static Path dir;
  static int exitCode;
  static String report;
  static String printed;
  static String errors;

  @BeforeAll
  static void runEveryPart() throws Exception {
    Path output = dir.resolve("docs/benchmark-smoke.md");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    exitCode = Bench.execute(new String[] {"--rows", "20000", "--repetitions", "1", "--warmup",
        "0", "--fit-repetitions", "1", "--sgd-iterations", "1,2", "--memory-iterations", "5",
        "--parts", "all", "--scratch", dir.toString(), "--output", output.toString()},
        SparkTestSession.get(), new PrintWriter(out, true), new PrintWriter(err, true));
    printed = out.toString();
    errors = err.toString();
    report = Files.exists(output) ? Files.readString(output) : "";
  }

  @Test
  void writesTheReportItPrints() {
    assertEquals(0, exitCode, errors);
    assertEquals(printed, report);
    assertTrue(report.startsWith("# sparkgd benchmark: 20,000 rows × 3 features"), report);
  }

  @Test
  void everyRowOfTheMainTableIsFilled() {
    List<String> rows = table("| measurement |");
    List<String> expected = List.of("sparkgd batch iteration", "sparkgd mini-batch 0.1",
        "sparkgd mini-batch 0.01", "MLlib runMiniBatchSGD 1.0", "MLlib runMiniBatchSGD 0.01",
        "MLlib LinearRegression l-bfgs", "MLlib LinearRegression normal", "roofline",
        "cached bytes, sparkgd", "cached bytes, MLlib", "end to end from CSV, sparkgd (s)",
        "end to end from CSV, ml.LinearRegression", "end to end: coefficients, sparkgd vs",
        "end to end from CSV, sparkgd --step conjugate-gradient",
        "end to end: coefficients, sparkgd --step conjugate-gradient");
    for (String name : expected) {
      String row = rows.stream().filter(r -> r.startsWith("| " + name)).findFirst()
          .orElseThrow(() -> new AssertionError("no row '" + name + "' in\n" + report));
      String[] cells = cells(row);
      assertFalse(cells[1].isEmpty() && cells[4].isEmpty(), "a figure in: " + row);
      assertFalse(row.contains("NaN") || row.contains("Infinity"), row);
    }
    assertEquals(expected.size(), rows.size(), String.join("\n", rows));
  }

  @Test
  void theCachedBlocksAreThePackedDoubles() {
    String row = table("| measurement |").stream()
        .filter(r -> r.startsWith("| cached bytes, sparkgd")).findFirst().orElseThrow();
    assertTrue(row.endsWith("| ≤ 1.05× | yes |"), row);
  }

  @Test
  void everyVariantAndTheRooflineComputeTheEvaluatorsSums() {
    List<String> variants = table("| evaluator | median ms |");
    assertTrue(variants.size() >= 8, report);
    for (String row : variants) {
      String difference = cells(row)[5];
      if (!difference.equals("—")) {
        assertTrue(Double.parseDouble(difference) <= Breakdown.SAME_RESULT, row);
      }
    }
    String roofline = table("| measurement |").stream()
        .filter(r -> r.startsWith("| roofline")).findFirst().orElseThrow();
    double difference = Double.parseDouble(roofline.replaceAll(".*evaluator's to ([^ |]+).*",
        "$1"));
    assertTrue(difference <= 1e-12, roofline);
  }

  @Test
  void bothEndToEndFitsReachTheExactSolution() {
    for (String row : table("| fit |")) {
      if (!row.startsWith("| exact")) {
        String[] cells = cells(row);
        double largest = Double.parseDouble(cells[cells.length - 2]);
        assertTrue(largest < 1e-3, row);
      }
    }
  }

  @Test
  void theLongRunReleasesItsBroadcasts() {
    List<String> memory = table("| evaluator | iterations |");
    assertEquals(2, memory.size(), report);
    for (String row : memory) {
      String[] blocks = cells(row)[5].split(" → ");
      assertEquals(blocks[0], blocks[2], row);
    }
  }

  @Test
  void theBroadcastCountSeesABroadcastUntilItIsDestroyed() {
    // Compared by this broadcast's own blocks: Spark's ContextCleaner may drop earlier tests'
    // broadcasts at any moment, so the total can fall while this one is alive.
    org.apache.spark.broadcast.Broadcast<double[]> b =
        SparkTestSession.jsc().broadcast(new double[] {1, 2, 3});
    String name = "broadcast_" + b.id();
    assertTrue(MemoryGrowth.broadcastBlocks() > 0);
    assertTrue(blocksNamed(name) > 0, name + " is in the block manager");
    b.destroy(true);
    assertEquals(0, blocksNamed(name), name + " is gone once destroyed");
  }

  private static int blocksNamed(String name) {
    return org.apache.spark.SparkEnv.get().blockManager().getMatchingBlockIds(
        scala.jdk.javaapi.FunctionConverters.asScalaFromFunction(
            id -> (Object) (id.isBroadcast() && (id.name().equals(name)
                || id.name().startsWith(name + "_"))))).size();
  }

  /**
   * The processes part on tiny files: whole {@code sparkgd fit} processes (through a wrapper
   * that starts the same main class on this test's class path with the quick JIT, as
   * scripts/sparkgd does from the jar for a local driver), MLlib's and the floor's fresh JVMs,
   * and their rows in the report. Every fresh JVM costs seconds, so each kind runs once: one
   * MLlib fraction, the floor at its fewest jobs, three iterations a fit.
   */
  @Test
  void theProcessesPartTimesWholeFits() throws Exception {
    Path root = Path.of(System.getProperty("sparkgd.home", ".")).toAbsolutePath();
    Path wrapper = dir.resolve("sparkgd-wrapper");
    List<String> command = new java.util.ArrayList<>(
        Processes.java(org.sparkgd.cli.SparkGd.class));
    command.add(command.size() - 1, "-XX:TieredStopAtLevel=1");
    command.add(command.size() - 1, "-Dlog4j2.configurationFile=" + root.resolve(
        "conf/log4j2.properties"));
    Files.writeString(wrapper, "#!/bin/sh\nexec " + command.stream().map(a -> "'" + a + "'")
        .collect(java.util.stream.Collectors.joining(" ")).replace(
            "'-Dlog4j2.configurationFile", "\"-Dsparkgd.log.dir=$SPARKGD_LOG_DIR\" "
                + "'-Dlog4j2.configurationFile") + " \"$@\"\n");
    wrapper.toFile().setExecutable(true);
    Path output = dir.resolve("processes.md");
    StringWriter err = new StringWriter();
    int code = Bench.execute(new String[] {"--parts", "processes", "--process-rows", "1000",
        "--process-iterations", "3", "--process-fractions", "0.01", "--process-formats", "csv",
        "--process-mllib-fractions", "0.01", "--floor-jobs", "12",
        "--repetitions", "1", "--sparkgd", wrapper.toString(),
        "--scratch", dir.toString(), "--output", output.toString()}, SparkTestSession.get(),
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    String text = Files.readString(output);
    // One format: the harness is the same for both (Parquet input is tested in the fit's tests).
    String format = "csv";
    for (String mode : List.of("batch", "minibatch 0.01")) {
      String row = text.lines().filter(l -> l.startsWith("| sparkgd " + format + ", " + mode
          + " |")).findFirst().orElseThrow(() -> new AssertionError(format + ", " + mode
          + " missing in\n" + text));
      String[] cells = cells(row);
      assertTrue(Double.parseDouble(cells[2]) > 0 && Double.parseDouble(cells[6]) > 0, row);
      assertTrue(Integer.parseInt(cells[1]) > 0, row);
    }
    assertTrue(text.contains("| MLlib runMiniBatchSGD, " + format + ", 0.01 |"), text);
    assertTrue(text.matches("(?s).*floor \\(fresh JVM, jobs 10–12\\): median [0-9.]+ ms.*"),
        text);
    String phases = text.lines().filter(l -> l.startsWith("| csv, batch |")).findFirst()
        .orElseThrow();
    assertEquals(9, cells(phases).length, phases);
    assertTrue(text.lines().anyMatch(l -> l.startsWith("| sample fit (README) |")), text);
    assertTrue(text.matches("(?s).*The README's sample fit \\(advertising.csv, default "
        + "options\\), from the command to the summary: [0-9.]+ s, .*"), text);
  }

  /** The data rows of the Markdown table whose header starts with {@code header}. */
  private static List<String> table(String header) {
    List<String> lines = report.lines().toList();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(header)) {
        start = i + 2;
        break;
      }
    }
    assertTrue(start > 0, "no table '" + header + "' in\n" + report);
    return lines.subList(start, lines.size()).stream().takeWhile(l -> l.startsWith("|"))
        .toList();
  }

  private static String[] cells(String row) {
    String[] raw = row.substring(1, row.length() - 1).split("\\|", -1);
    return Arrays.stream(raw).map(String::trim).toArray(String[]::new);
  }
}
