package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;
import org.sparkgd.data.AdvertisingGenerator;

/**
 * The job on a real Spark standalone cluster (scripts/cluster: a master and two workers, each a
 * separate JVM), submitted with scripts/sparkgd through SparkSubmit: closures, broadcasts and
 * aggregators cross process boundaries, executors can die. Cluster logs stay under
 * target/cluster-it/.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterIT {
  private static final Duration RUN_LIMIT = Duration.ofSeconds(180);
  /** A driver on a worker starts its own JVM and is polled for: more time. */
  private static final Duration CLUSTER_MODE_LIMIT = Duration.ofSeconds(270);
  private static final int ROWS = 20_000;
  /** A fixed number of updates, no early stop: histories compare row for row. */
  private static final String[] FIT_OPTIONS = {"--tolerance", "0", "--max-iterations", "40",
      "--learning-rate", "0.3", "--min-partitions", "4"};

  @TempDir
  static Path data;

  private static final Path LOGS = ScriptProcess.HOME.resolve("target/cluster-it");
  private static LocalCluster cluster;
  private static Path input;
  private static Path localFit;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = LocalCluster.start(LOGS.resolve("cluster"), 2);
    input = TestData.generate(ROWS, 11).writeCsv(data.resolve("input.csv"));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The same fit in local mode (this JVM, local[2]), made once. */
  private static synchronized Path localFit() {
    if (localFit == null) {
      // --overwrite: a first try cut short by a test's timeout must not block the next ones.
      Path output = data.resolve("local-fit");
      List<String> options = new ArrayList<>(List.of(FIT_OPTIONS));
      options.add("--overwrite");
      CliRunner.Result local = CliRunner.fit(input, output, options.toArray(new String[0]));
      assertEquals(0, local.exitCode(), local.err());
      localFit = output;
      assertEquals(41, CliRunner.history(output).size(), "every update of the fixed fit");
    }
    return localFit;
  }

  /**
   * One client-mode submission, asserted two ways: the fit on the cluster (work for both
   * workers) equals the local fit to the bit, and it does so although an executor is killed
   * mid-fit. (The cluster-mode test below also compares a cluster fit with the local one.)
   */
  @Test
  void aFitOnTheClusterEqualsTheLocalFitEvenAfterLosingAnExecutor() throws Exception {
    Path output = data.resolve("fit-losing-an-executor");
    try (ScriptProcess fit = submitFit("fit-losing-an-executor", output)) {
      assertTrue(fit.awaitErrorLine(line -> line.contains("iteration 0/"), RUN_LIMIT),
          "the descent began: " + fit.standardError());
      List<ProcessHandle> executors = cluster.executorsOf(1, fit.started());
      assertEquals(1, executors.size(), "worker 1 runs this application's executor");
      ProcessHandle executor = executors.get(0);
      Path executorLog = cluster.executorLog(1, executor);
      assertTrue(awaitLine(executorLog, "Finished task", RUN_LIMIT),
          "the executor has done part of the fit: " + executorLog);
      assertTrue(executor.destroyForcibly(), "SIGKILL sent to " + executor.pid());
      executor.onExit().get(30, TimeUnit.SECONDS);
      assertTrue(fit.standardError().lines().noneMatch(l -> l.contains("Wrote ")),
          "the executor died before the fit ended");

      ScriptProcess.Result run = fit.await(RUN_LIMIT);
      assertEquals(0, run.exitCode(), run.err());
    }
    String driverLog = Files.readString(LOGS.resolve("fit-losing-an-executor/sparkgd.log"));
    assertTrue(driverLog.contains("Lost executor"), "the driver saw the executor die");
    SameFit.assertSameFit(localFit(), output);
    assertTrue(CliRunner.model(output).get("partitions").asInt() >= 2, "work for both workers");
  }

  private static boolean awaitLine(Path file, String text, Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.readString(file).contains(text)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Test
  void theGeneratorWritesExactlyTheRowsItDocumentsAndAFitRecoversItsModel() throws Exception {
    Path parquet = data.resolve("generated-parquet");
    ScriptProcess.Result generated = submit("generate-parquet", "generate", "--rows",
        Integer.toString(ROWS), "--output", parquet.toUri().toString(), "--format", "parquet",
        "--seed", "7").await(RUN_LIMIT);
    assertEquals(0, generated.exitCode(), generated.err());
    assertGenerated(SparkTestSession.get().read().parquet(parquet.toString()), ROWS, 7);

    // CSV through the same distributed writer, in this JVM (local mode) to keep the run short.
    Path csv = data.resolve("generated-csv");
    CliRunner.Result generatedCsv = CliRunner.run("generate", "--rows", "12345", "--output",
        csv.toString(), "--format", "csv", "--seed", "8", "--partitions", "3");
    assertEquals(0, generatedCsv.exitCode(), generatedCsv.err());
    try (Stream<Path> files = Files.list(csv)) {
      assertEquals(3, files.filter(f -> f.getFileName().toString().startsWith("part-")).count(),
          "one part file per task");
    }
    assertGenerated(SparkTestSession.get().read().option("header", "true")
        .option("inferSchema", "true").csv(csv.toString()), 12345, 8);

    Path output = data.resolve("fit-of-generated");
    ScriptProcess.Result fit = submit("fit-of-generated", "fit", "--input",
        parquet.toUri().toString(), "--label", "sales", "--features", "TV,radio,newspaper",
        "--output", output.toString(), "--learning-rate", "0.3").await(RUN_LIMIT);
    assertEquals(0, fit.exitCode(), fit.err());
    JsonNode model = CliRunner.model(output);
    assertEquals("converged", model.get("stop_reason").asText());
    assertRecoversTheDocumentedModel(model,
        new ObjectMapper().readTree(parquet.resolve("_generator.json").toFile()));
  }

  @Test
  void theScriptsReportTheClusterAndRefuseWhatTheyCannotDo() throws Exception {
    Path dir = cluster.dir();
    ScriptProcess.Result status = ScriptProcess.start(LOGS.resolve("scripts"), "status",
        Map.of(), "cluster", "status", "--dir", dir.toString()).await(RUN_LIMIT);
    assertEquals(0, status.exitCode(), status.out() + status.err());
    assertTrue(status.out().contains("worker-2: running, pid " + cluster.worker(2).pid()),
        status.out());
    assertTrue(status.out().contains("master: " + cluster.masterUrl()), status.out());

    ScriptProcess.Result again = ScriptProcess.start(LOGS.resolve("scripts"), "up-again",
        Map.of(), "cluster", "up", "--dir", dir.toString()).await(RUN_LIMIT);
    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains("a cluster already runs in"), again.err());
    assertTrue(cluster.worker(1).isAlive(), "the running cluster is left alone");

    ScriptProcess.Result yarn = ScriptProcess.start(LOGS.resolve("scripts"), "yarn", Map.of(),
        "sparkgd", "fit", "--master", "yarn", "--input", input.toString(), "--label", "y",
        "--features", "x1", "--output", data.resolve("never").toString()).await(RUN_LIMIT);
    assertEquals(2, yarn.exitCode());
    assertEquals("sparkgd: error: --master yarn needs a Spark distribution with its support: "
        + "set SPARK_HOME (the project's own jars run local[*] and spark:// masters only)",
        yarn.err().strip());
  }

  private static ScriptProcess submitFit(String name, Path output) {
    String[] args = new String[FIT_OPTIONS.length + 9];
    String[] head = {"fit", "--input", input.toUri().toString(), "--label", "y",
        "--features", "x1,x2,x3", "--output", output.toUri().toString()};
    System.arraycopy(head, 0, args, 0, head.length);
    System.arraycopy(FIT_OPTIONS, 0, args, head.length, FIT_OPTIONS.length);
    return submit(name, args);
  }

  /**
   * {@code --deploy-mode cluster}: the driver runs in a worker's folder, so the script makes the
   * relative paths absolute, ships the config with {@code --files}, waits for the driver and
   * prints its summary; the user's driver options join the script's log options.
   */
  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aDriverOnTheClusterTakesRelativePathsAndReportsItsSummaryAndExitCode() throws Exception {
    Path output = data.resolve("cluster-mode-fit");
    Path config = Files.writeString(data.resolve("cluster.properties"),
        "learning-rate = 0.3\nmax-iterations = 40\ntolerance = 0\n");
    String name = "cluster-mode-fit";
    ScriptProcess.Result run = submitWith(name, Map.of("SPARKGD_SUBMIT_OPTS",
        "--deploy-mode cluster --conf spark.ui.enabled=false --files " + relative(config)
            + " --driver-java-options '-Dsparkgd.it=1 -Dsparkgd.it2=2'"),
        "fit", "--input", relative(input), "--label", "y", "--features", "x1,x2,x3",
        "--output", relative(output), "--config", "cluster.properties", "--min-partitions", "4")
        .await(CLUSTER_MODE_LIMIT);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertEquals("", run.err(), "no Spark chatter on the console");
    assertTrue(run.out().contains("y ~ x1 + x2 + x3: " + ROWS + " rows")
        && run.out().contains("outputs: " + output.toUri() + "history"), // absolute now
        run.out());
    SameFit.assertSameFit(localFit(), output); // the shipped config's learning rate and iterations
    Path driverLog = LOGS.resolve(name).resolve("sparkgd.log");
    assertTrue(Files.readString(driverLog).contains("iteration 0/"),
        "the driver logs to the script's log file: " + driverLog);
    String launch = cluster.driverLaunchCommand();
    assertTrue(launch.contains("-Dsparkgd.it2=2") && launch.contains("-Dlog4j2.configurationFile"),
        "the driver has the user's and the script's options: " + launch);
  }

  /**
   * Through a SPARK_HOME's bin/spark-submit (a stand-in that runs Spark's launcher, as a
   * distribution's does): the user's --driver-java-options no longer replace the script's log
   * options, so a failing run prints one line, in client mode and in cluster mode.
   */
  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void throughSparkHomeAUsersDriverOptionsKeepTheConsoleToOneLine() throws Exception {
    Path home = cluster.sparkHome(data.resolve("spark-home"));
    for (String mode : List.of("client", "cluster")) {
      ScriptProcess.Result run = submitWith("spark-home-" + mode, Map.of("SPARK_HOME",
          home.toString(), "SPARKGD_SUBMIT_OPTS", "--deploy-mode " + mode
              + " --conf spark.ui.enabled=false --driver-java-options -Dsparkgd.it=3"),
          "fit", "--input", relative(input), "--label", "y", "--features", "x1,x9", "--output",
          relative(data.resolve("spark-home-" + mode))).await(CLUSTER_MODE_LIMIT);
      assertEquals(UserError.EXIT_CODE, run.exitCode(), mode + ": " + run.out() + run.err());
      // Spark 4.1's launcher adds jdk.incubator.vector, and the JVM says so: not ours to hide.
      List<String> lines = run.err().strip().lines()
          .filter(l -> !l.equals("WARNING: Using incubator modules: jdk.incubator.vector"))
          .toList();
      // Spark's own log lines ("yy/MM/dd HH:mm:ss INFO ...") would mean the log options were
      // lost; sparkgd's progress ("HH:mm:ss INFO  Fitting ...") is meant for the console.
      assertTrue(lines.stream().noneMatch(l -> l.matches("\\d\\d/\\d\\d/\\d\\d .*")), run.err());
      assertEquals(mode.equals("cluster") ? 1 : 2, lines.size(), mode + ": " + run.err());
      assertTrue(lines.get(lines.size() - 1).startsWith("sparkgd: error: ")
          && lines.get(lines.size() - 1).contains(": no column 'x9'"), run.err());
    }
  }

  /** The path from this process's folder (the scripts' working folder) to {@code file}. */
  private static String relative(Path file) {
    return Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
  }

  private static ScriptProcess submit(String name, String... args) {
    return submitWith(name, Map.of("SPARKGD_SUBMIT_OPTS", "--conf spark.ui.enabled=false"), args);
  }

  /**
   * scripts/sparkgd --master spark://... : the driver in its own JVM, through SparkSubmit;
   * {@code env} sets SPARKGD_SUBMIT_OPTS (and SPARK_HOME, if any).
   */
  private static ScriptProcess submitWith(String name, Map<String, String> env,
      String... args) {
    String[] withMaster = new String[args.length + 2];
    System.arraycopy(args, 0, withMaster, 0, args.length);
    withMaster[args.length] = "--master";
    withMaster[args.length + 1] = cluster.masterUrl();
    deleteRecursively(LOGS.resolve(name)); // the log file appends; keep one run's
    Map<String, String> all = new HashMap<>(env);
    all.put("SPARKGD_LOG_DIR", LOGS.resolve(name).toString());
    all.put("SPARKGD_JAVA_OPTS", "-Xmx1g");
    return ScriptProcess.start(LOGS.resolve(name), "sparkgd", all, "sparkgd", withMaster);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Exactly {@code rows} rows of four non-null doubles, and they are the generator's rows
   * 0..rows-1, each once: the column sums equal those of the rows made here.
   */
  private static void assertGenerated(Dataset<Row> frame, long rows, long seed) {
    assertArrayEquals(new String[] {"TV", "radio", "newspaper", "sales"}, frame.columns());
    for (StructField field : frame.schema().fields()) {
      assertEquals(DataTypes.DoubleType, field.dataType(), field.name());
    }
    Row sums = frame.selectExpr("count(*)", "sum(TV)", "sum(radio)", "sum(newspaper)",
        "sum(sales)", "count(TV) + count(radio) + count(newspaper) + count(sales)").first();
    assertEquals(rows, sums.getLong(0));
    assertEquals(4 * rows, sums.getLong(5), "no nulls");
    double[] expected = new double[4];
    double[] row = new double[4];
    AdvertisingGenerator generator = new AdvertisingGenerator(seed);
    for (long i = 0; i < rows; i++) {
      generator.row(i, row);
      for (int j = 0; j < 4; j++) {
        expected[j] += row[j];
      }
    }
    for (int j = 0; j < 4; j++) {
      assertEquals(expected[j], sums.getDouble(j + 1), 1e-9 * Math.abs(expected[j]),
          frame.columns()[j]);
    }
  }

  /**
   * The documented coefficients, each within 5 standard errors: σ/(√n·sd_j) for a slope and
   * σ·√((1 + Σ (mean_j/sd_j)²)/n) for the intercept, σ the documented noise.
   */
  private static void assertRecoversTheDocumentedModel(JsonNode model, JsonNode truth) {
    assertEquals(ROWS, truth.get("rows").asLong());
    double sigma = truth.get("noise_std").asDouble();
    double n = model.get("rows").asDouble();
    double[] means = CliRunner.doubles(model.get("standardization").get("feature_means"));
    double[] stds = CliRunner.doubles(model.get("standardization").get("feature_stds"));
    double[] trueCoefficients = CliRunner.doubles(truth.get("true_coefficients"));
    double[] fitted = CliRunner.doubles(model.get("coefficients"));
    double spread = 1;
    for (int j = 0; j < trueCoefficients.length; j++) {
      double standardError = sigma / (Math.sqrt(n) * stds[j]);
      assertEquals(trueCoefficients[j], fitted[j], 5 * standardError,
          truth.get("features").get(j).asText());
      spread += (means[j] / stds[j]) * (means[j] / stds[j]);
    }
    assertEquals(truth.get("true_intercept").asDouble(), model.get("intercept").asDouble(),
        5 * sigma * Math.sqrt(spread / n), "intercept");
  }
}
