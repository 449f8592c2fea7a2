package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;
import org.sparkgd.storage.MiniHdfs;

/**
 * The job on a real Spark standalone cluster (scripts/cluster: a master and two workers, each a
 * separate JVM), submitted with scripts/sparkgd through SparkSubmit: closures, broadcasts and
 * aggregators cross process boundaries, executors can die, drivers run on a worker. A driver on
 * the cluster without a shared disk writes to an HDFS in this JVM (a NameNode and a DataNode on
 * loopback): its outcome comes back beside the output, on HDFS. One cluster serves every test
 * (a start costs about 20 s, a submission 15 s: each asserts all it can). Logs stay under
 * target/cluster-it/.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ClusterIT {
  private static final Duration RUN_LIMIT = Duration.ofSeconds(180);
  /** A driver on a worker starts its own JVM and is polled for: more time. */
  private static final Duration CLUSTER_MODE_LIMIT = Duration.ofSeconds(270);
  /** The generator's rows: the input of the fit that loses an executor. */
  private static final int ROWS = 20_000;
  private static final int CSV_ROWS = 2_000;
  private static final String CLUSTER_MODE = "--deploy-mode cluster --conf spark.ui.enabled=false";

  @TempDir
  static Path data;

  private static final Path LOGS = ScriptProcess.HOME.resolve("target/cluster-it");
  private static LocalCluster cluster;
  private static MiniHdfs hdfs;
  private static Path input;
  private static Path generated;

  @BeforeAll
  static void start() throws Exception {
    // HDFS, then this JVM's local session, start while scripts/cluster starts its daemons.
    CompletableFuture<MiniHdfs> startingHdfs = CompletableFuture.supplyAsync(() -> {
      try {
        return MiniHdfs.start(data.resolve("hdfs"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    startingHdfs.thenRun(SparkTestSession::get); // a test that needs it first waits for it
    try {
      cluster = LocalCluster.start(LOGS.resolve("cluster"), 2);
    } finally {
      hdfs = startingHdfs.join();
    }
    input = TestData.generate(CSV_ROWS, 11).writeCsv(data.resolve("input.csv"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (hdfs != null) {
      hdfs.close();
    }
  }

  /**
   * The generator's Parquet, written once by a driver on the cluster to a relative --output: the
   * script makes it absolute (the driver runs in a worker's folder) and prints the driver's line.
   */
  private static synchronized Path generated() throws IOException, InterruptedException {
    if (generated == null) {
      Path parquet = data.resolve("generated-parquet");
      ScriptProcess.Result run = submitWith("generate-parquet", Map.of("SPARKGD_SUBMIT_OPTS",
          CLUSTER_MODE), "generate", "--rows", Integer.toString(ROWS), "--output",
          relative(parquet), "--format", "parquet", "--seed", "7", "--overwrite")
          .await(CLUSTER_MODE_LIMIT);
      assertEquals(0, run.exitCode(), run.out() + run.err());
      assertEquals("", run.err(), "no Spark chatter on the console");
      assertTrue(run.out().contains("wrote " + ROWS + " rows to file://" + parquet.toRealPath()),
          run.out());
      generated = parquet;
    }
    return generated;
  }

  @Test
  void theGeneratorWritesExactlyTheRowsItDocuments() throws Exception {
    GeneratorChecks.assertGenerated(SparkTestSession.get().read()
        .parquet(generated().toString()), ROWS, 7);

    // CSV through the same distributed writer, in this JVM (local mode) to keep the run short.
    Path csv = data.resolve("generated-csv");
    CliRunner.Result generatedCsv = CliRunner.run("generate", "--rows", "12345", "--output",
        csv.toString(), "--format", "csv", "--seed", "8", "--partitions", "3");
    assertEquals(0, generatedCsv.exitCode(), generatedCsv.err());
    try (Stream<Path> files = Files.list(csv)) {
      assertEquals(3, files.filter(f -> f.getFileName().toString().startsWith("part-")).count(),
          "one part file per task");
    }
    GeneratorChecks.assertGenerated(SparkTestSession.csv(csv.toString()), 12345, 8);
  }

  /**
   * One client-mode submission, asserted three ways: the fit of the generator's rows on the
   * cluster (work for both workers) equals the local fit to the bit, it does so although an
   * executor is killed mid-fit, and it recovers the generator's documented model.
   */
  @Test
  void aFitOnTheClusterEqualsTheLocalFitEvenAfterLosingAnExecutorAndRecoversTheModel()
      throws Exception {
    Path parquet = generated();
    List<String> fitArgs = List.of("fit", "--input", parquet.toUri().toString(), "--label",
        "sales", "--features", "TV,radio,newspaper", "--learning-rate", "0.3",
        "--min-partitions", "4", "--output");
    Path output = data.resolve("fit-losing-an-executor");
    Path local = data.resolve("local-fit-of-generated");
    try (ScriptProcess fit = submit("fit-losing-an-executor", with(fitArgs, output.toUri()))) {
      assertTrue(fit.awaitErrorLine(line -> line.contains("iteration 0/"), RUN_LIMIT),
          "the descent began: " + fit.standardError());
      List<ProcessHandle> executors = cluster.executorsOf(1, fit.started());
      assertEquals(1, executors.size(), "worker 1 runs this application's executor");
      ProcessHandle executor = executors.get(0);
      assertTrue(cluster.awaitExecutorLog(1, executor, "Finished task", RUN_LIMIT),
          "the executor has done part of the fit: " + cluster.executorLog(1, executor));
      assertTrue(executor.destroyForcibly(), "SIGKILL sent to " + executor.pid());
      executor.onExit().get(30, TimeUnit.SECONDS);
      assertTrue(fit.standardError().lines().noneMatch(l -> l.contains("Wrote ")),
          "the executor died before the fit ended");

      // The local fit, in this JVM, while the cluster's goes on.
      CliRunner.Result localFit = CliRunner.run(with(fitArgs, local));
      assertEquals(0, localFit.exitCode(), localFit.err());
      ScriptProcess.Result run = fit.await(RUN_LIMIT);
      assertEquals(0, run.exitCode(), run.err());
    }
    String driverLog = Files.readString(LOGS.resolve("fit-losing-an-executor/sparkgd.log"));
    assertTrue(driverLog.contains("Lost executor"), "the driver saw the executor die");
    SameFit.assertSameFit(local, output);

    JsonNode model = CliRunner.model(output);
    assertTrue(model.get("partitions").asInt() >= 2, "work for both workers");
    assertEquals("converged", model.get("stop_reason").asText());
    JsonNode truth = new ObjectMapper().readTree(parquet.resolve("_generator.json").toFile());
    assertEquals(ROWS, truth.get("rows").asLong());
    GeneratorChecks.assertRecoversTheDocumentedModel(model, truth);
  }

  private static String[] with(List<String> args, Object last) {
    return Stream.concat(args.stream(), Stream.of(last.toString())).toArray(String[]::new);
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

  /**
   * {@code --deploy-mode cluster} with the output on HDFS: the script makes the relative input
   * absolute, ships the config with {@code --files}, waits for the driver and prints its
   * summary, which the driver left beside the output, on HDFS, and the script removed; the user's
   * driver options join the script's log options. (generated() has a relative --output.)
   */
  @Test
  void aDriverOnTheClusterTakesRelativePathsAndReportsItsSummaryThroughHdfs() throws Exception {
    String output = hdfs.uri("/fits/cluster-mode");
    Path local = data.resolve("local-fit");
    Path config = Files.writeString(data.resolve("cluster.properties"),
        "learning-rate = 0.3\nmax-iterations = 20\ntolerance = 0\n");
    String name = "cluster-mode-fit";
    ScriptProcess.Result run;
    String options = CLUSTER_MODE + " --files " + relative(config)
        + " --driver-java-options '-Dsparkgd.it=1 -Dsparkgd.it2=2'";
    try (ScriptProcess driver = submitWith(name, Map.of("SPARKGD_SUBMIT_OPTS", options),
        "fit", "--input", relative(input), "--label", "y", "--features", "x1,x2,x3",
        "--output", output, "--config", "cluster.properties", "--min-partitions", "4")) {
      // The local fit, in this JVM, while the driver runs on the cluster.
      CliRunner.Result localFit = CliRunner.fit(input, local, "--learning-rate", "0.3",
          "--max-iterations", "20", "--tolerance", "0", "--min-partitions", "4");
      assertEquals(0, localFit.exitCode(), localFit.err());
      assertEquals(21, CliRunner.history(local).size(), "every update of the fixed fit");
      run = driver.await(CLUSTER_MODE_LIMIT);
    }
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertEquals("", run.err(), "no Spark chatter on the console");
    assertTrue(run.out().contains("y ~ x1 + x2 + x3: " + CSV_ROWS + " rows")
        && run.out().contains("outputs: " + output + "/history"), run.out());
    String launch = cluster.driverLaunchCommand();
    assertTrue(launch.contains("-Dsparkgd.it2=2") && launch.contains("-Dlog4j2.configurationFile"),
        "the driver has the user's and the script's options: " + launch);
    assertTrue(launch.contains("-Dspark.sparkgd.statusDir="
        + hdfs.uri("/fits/.cluster-mode.sparkgd-status-")), "the status beside the output: "
        + launch);
    Path driverLog = LOGS.resolve(name).resolve("sparkgd.log");
    assertTrue(Files.readString(driverLog).contains("iteration 0/"),
        "the driver logs to the script's log file: " + driverLog);

    SameFit.assertSameFit(local.toUri().toString(), output); // the shipped config's settings
    FileSystem fs = hdfs.fileSystem();
    assertEquals(List.of("cluster-mode"), names(fs, hdfs.uri("/fits")), "the status is gone");
    assertEquals(new TreeSet<>(Arrays.asList(local.toFile().list())),
        new TreeSet<>(names(fs, output)), "the output holds what a fit writes");
  }

  /**
   * Through a SPARK_HOME's bin/spark-submit (a stand-in that runs Spark's launcher, as a
   * distribution's does): the user's --driver-java-options no longer replace the script's log
   * options, so a failing run prints one line, in client mode and in cluster mode. The
   * cluster-mode driver's exit code and error (naming the input, made absolute by the script, and
   * its columns) come back through the output's HDFS, and nothing is left there.
   */
  @Test
  void throughSparkHomeAUsersDriverOptionsKeepTheConsoleToOneLine() throws Exception {
    Path home = cluster.sparkHome(data.resolve("spark-home"));
    String hdfsOutput = hdfs.uri("/bad/cluster-mode");
    for (String mode : List.of("client", "cluster")) {
      String output = mode.equals("client") ? relative(data.resolve("spark-home-client"))
          : hdfsOutput;
      ScriptProcess.Result run = submitWith("spark-home-" + mode, Map.of("SPARK_HOME",
          home.toString(), "SPARKGD_SUBMIT_OPTS", "--deploy-mode " + mode
              + " --conf spark.ui.enabled=false --driver-java-options -Dsparkgd.it=3"),
          "fit", "--input", relative(input), "--label", "y", "--features", "x1,x9", "--output",
          output).await(CLUSTER_MODE_LIMIT);
      assertEquals(UserError.EXIT_CODE, run.exitCode(), mode + ": " + run.out() + run.err());
      // Spark 4.1's launcher adds jdk.incubator.vector, and the JVM says so: not ours to hide.
      List<String> lines = run.err().strip().lines()
          .filter(l -> !l.equals("WARNING: Using incubator modules: jdk.incubator.vector"))
          .toList();
      // Spark's own log lines ("yy/MM/dd HH:mm:ss INFO ...") would mean the log options were
      // lost; sparkgd's progress ("HH:mm:ss INFO  Fitting ...") is meant for the console.
      assertTrue(lines.stream().noneMatch(l -> l.matches("\\d\\d/\\d\\d/\\d\\d .*")), run.err());
      List<String> progress = lines.stream()
          .filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d INFO  .*")).toList();
      // A client-mode driver's progress reaches this console; a cluster-mode driver's stays
      // in its log on the worker.
      assertEquals(mode.equals("client"), !progress.isEmpty(), mode + ": " + run.err());
      assertEquals(progress.size() + 1, lines.size(), mode + ": one line besides progress: "
          + run.err());
      String error = lines.get(lines.size() - 1);
      assertTrue(error.startsWith("sparkgd: error: ") && error.contains(": no column 'x9'"),
          run.err());
      if (mode.equals("cluster")) {
        assertTrue(error.startsWith("sparkgd: error: file:" + input.toAbsolutePath()
            + ": no column 'x9'") && error.contains("the columns are: id, x1, x2, x3, y"), error);
      }
    }
    FileSystem fs = hdfs.fileSystem();
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path(hdfsOutput)), "nothing is written");
    assertEquals(List.of(), names(fs, hdfs.uri("/bad")), "the status is gone");
  }

  /** The path from this process's folder (the scripts' working folder) to {@code file}. */
  private static String relative(Path file) {
    return Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
  }

  private static List<String> names(FileSystem fs, String dir) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
    if (!fs.exists(path)) {
      return List.of();
    }
    return Arrays.stream(fs.listStatus(path)).map(FileStatus::getPath)
        .map(org.apache.hadoop.fs.Path::getName).sorted().toList();
  }

  private static ScriptProcess submit(String name, String... args) {
    return submitWith(name, Map.of("SPARKGD_SUBMIT_OPTS", "--conf spark.ui.enabled=false"), args);
  }

  /** scripts/sparkgd on this cluster; {@code env} sets SPARKGD_SUBMIT_OPTS (and SPARK_HOME). */
  private static ScriptProcess submitWith(String name, Map<String, String> env,
      String... args) {
    return cluster.submit(LOGS.resolve(name), env, args);
  }
}
