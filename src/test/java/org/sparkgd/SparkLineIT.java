package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;

/**
 * One Spark line as its users run it ({@code mvn -B verify -Pspark3.5,spark-line-test}; .ci/run
 * runs every line): a standalone cluster of that line's own jars and the line's application jar
 * ({@code SPARKGD_BUILD_DIR}: the profile's build folder), submitted with scripts/sparkgd. A fit
 * in client and in cluster deploy mode, a bad column's one-line error, a predict; a
 * SPARK_HOME of the line makes the script pick the line's jar by itself; and a one-core
 * cluster, where no executor can start, ends the fit with a note and one error.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkLineIT {
  private static final Path BUILD = Path.of(System.getProperty("sparkgd.build.dir",
      ScriptProcess.HOME.resolve("target").toString())).toAbsolutePath();
  private static final String LINE = System.getProperty("sparkgd.spark.line", "4.1");
  private static final Path LOGS = BUILD.resolve("line-it");
  /** A hang guard, not a speed goal: a busy machine starts JVMs and clusters slowly. */
  private static final Duration LIMIT = Duration.ofSeconds(600);
  private static final int ROWS = 5_000;
  /** Conjugate gradients: converged in a few passes, so a loaded machine finishes in time. */
  private static final String[] FIT = {"--step", "conjugate-gradient", "--tolerance", "1e-15",
      "--max-iterations", "100", "--min-partitions", "4"};

  @TempDir
  static Path data;

  private static LocalCluster cluster;
  private static TestData rows;
  private static Path input;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = LocalCluster.start(LOGS.resolve("cluster"), 2,
        Map.of("SPARKGD_BUILD_DIR", BUILD.toString()));
    rows = TestData.generate(ROWS, 23);
    input = rows.writeCsv(data.resolve("input.csv"));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void aFitInClientModeReachesTheClosedForm() throws Exception {
    ScriptProcess.Result run = fit("client-fit", "client", data.resolve("client-fit"));
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("y ~ x1 + x2 + x3: " + ROWS + " rows"), run.out());
    double[] fitted = CliRunner.interceptAndCoefficients(CliRunner.model(data.resolve("client-fit")));
    assertTrue(LeastSquaresReference.maxRelativeError(fitted, rows.closedForm(), 1e-3) < 1e-6,
        "Spark " + LINE + ": " + java.util.Arrays.toString(fitted));
  }

  @Test
  @Order(2)
  void aFitInClusterModeReportsItsSummaryAndEqualsTheClientFit() throws Exception {
    Path output = data.resolve("cluster-fit");
    ScriptProcess.Result run = fit("cluster-fit", "cluster", output);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("y ~ x1 + x2 + x3: " + ROWS + " rows"), run.out());
    assertEquals(CliRunner.model(data.resolve("client-fit")).get("coefficients"),
        CliRunner.model(output).get("coefficients"), "same partitions, same sums, same digits");
  }

  @Test
  @Order(3)
  void aBadColumnInClusterModeExitsWithThreeAndOneLine() throws Exception {
    Path output = data.resolve("bad-column");
    ScriptProcess.Result run = submit("bad-column", Map.of("SPARKGD_SUBMIT_OPTS",
        "--deploy-mode cluster --conf spark.ui.enabled=false"), "fit", "--input",
        input.toString(), "--label", "y", "--features", "x1,x9", "--output", output.toString());
    assertEquals(UserError.EXIT_CODE, run.exitCode(), run.out() + run.err());
    assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    assertTrue(run.err().startsWith("sparkgd: error: ") && run.err().contains(input.toString())
        && run.err().contains("no column 'x9'"), run.err());
    assertFalse(Files.exists(output));
  }

  @Test
  @Order(4)
  void aPredictAppliesTheFittedModelToEveryRow() throws Exception {
    Path model = data.resolve("client-fit");
    Path output = data.resolve("predicted");
    ScriptProcess.Result run = submit("predict", Map.of("SPARKGD_SUBMIT_OPTS",
        "--conf spark.ui.enabled=false"), "predict", "--model", model.toString(), "--input",
        input.toString(), "--output", output.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().startsWith("wrote " + ROWS + " rows"), run.out());
    double[] theta = CliRunner.interceptAndCoefficients(CliRunner.model(model));
    List<String> lines = predictedRows(output);
    assertEquals(ROWS, lines.size());
    for (String line : lines) { // id,x1,x2,x3,y,prediction
      String[] f = line.split(",");
      double expected = theta[0];
      double scale = Math.abs(theta[0]); // the terms cancel (x3 is near 1e6): relative to them
      for (int j = 1; j <= 3; j++) {
        expected += theta[j] * Double.parseDouble(f[j]);
        scale += Math.abs(theta[j] * Double.parseDouble(f[j]));
      }
      assertEquals(expected, Double.parseDouble(f[5]), 1e-12 * scale, line);
    }
  }

  /**
   * Through a SPARK_HOME of this line (the cluster's jars and a stand-in bin/spark-submit, as in
   * ClusterIT) and no SPARKGD_BUILD_DIR: the script asks spark-submit for its version and submits
   * the jar built for it.
   */
  @Test
  @Order(5)
  void throughSparkHomeTheScriptSubmitsTheLinesJar() throws Exception {
    Path home = cluster.sparkHome(data.resolve("spark-home"));
    Path standIn = Files.move(home.resolve("bin/spark-submit"),
        home.resolve("bin/spark-submit-standin"));
    // spark-submit notes what it was asked to run, then runs it.
    Path submitted = home.resolve("submitted");
    Path submit = Files.writeString(home.resolve("bin/spark-submit"), "#!/usr/bin/env bash\n"
        + "printf '%s\\n' \"$*\" >> '" + submitted + "'\nexec '" + standIn + "' \"$@\"\n");
    assertTrue(submit.toFile().setExecutable(true));
    Map<String, String> env = new HashMap<>();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARKGD_BUILD_DIR", ""); // the script's own choice
    env.put("SPARKGD_SUBMIT_OPTS", "--conf spark.ui.enabled=false");
    ScriptProcess.Result run = submit("spark-home", env, "fit", "--input", input.toString(),
        "--label", "y", "--features", "x1,x9", "--output", data.resolve("never").toString());
    assertEquals(UserError.EXIT_CODE, run.exitCode(), run.out() + run.err());
    String name = BUILD.getFileName().toString(); // spark3.5_2.12
    String jar = LINE.equals("4.1") ? "/target/sparkgd-0.1.0-SNAPSHOT.jar" // the default build
        : "/target/" + name + "/sparkgd-" + name + "-0.1.0-SNAPSHOT.jar";
    String asked = Files.readString(submitted);
    assertTrue(asked.lines().anyMatch(l -> l.contains("--version")), asked);
    assertTrue(asked.lines().anyMatch(l -> l.contains(jar + " fit")),
        "Spark " + LINE + " runs " + jar + ": " + asked);
  }

  /**
   * A one-core cluster in cluster deploy mode: the driver takes the only core, so no executor
   * can start. The script notes it after SPARKGD_EXECUTOR_WAIT seconds and the driver gives up
   * after spark.sparkgd.executorTimeout: exit code 5, one error line, no output.
   */
  @Test
  @Order(6)
  void aFitThatNoExecutorCanServeEndsWithANoteAndOneError() throws Exception {
    Path output = data.resolve("no-executor");
    Path dir = LOGS.resolve("one-core");
    try (LocalCluster oneCore = LocalCluster.start(dir.resolve("cluster"), 1,
            Map.of("SPARKGD_BUILD_DIR", BUILD.toString()));
        ScriptProcess process = ScriptProcess.start(dir, "fit", Map.of("SPARKGD_BUILD_DIR",
            BUILD.toString(), "SPARKGD_LOG_DIR", dir.toString(), "SPARKGD_JAVA_OPTS", "-Xmx1g",
            "SPARKGD_CLUSTER_DIR", oneCore.dir().toString(), "SPARKGD_EXECUTOR_WAIT", "5",
            "SPARKGD_SUBMIT_OPTS", "--deploy-mode cluster --conf spark.ui.enabled=false "
                + "--conf spark.sparkgd.executorTimeout=30"), "sparkgd", "fit", "--input",
            input.toString(), "--label", "y", "--features", "x1,x2,x3", "--output",
            output.toString(), "--master", oneCore.masterUrl())) {
      assertTrue(process.awaitErrorLine(l -> l.startsWith("sparkgd: no executor after 5 s: "),
          LIMIT), process.standardError());
      long noted = System.nanoTime();
      ScriptProcess.Result run = process.await(LIMIT);
      Duration after = Duration.ofNanos(System.nanoTime() - noted);
      assertEquals(UserError.RESOURCES_EXIT_CODE, run.exitCode(), run.out() + run.err());
      List<String> lines = run.err().strip().lines().toList();
      assertEquals(2, lines.size(), "the note and the error: " + run.err());
      assertTrue(lines.get(0).endsWith("at least 1 core per executor; the cluster offers 1 "
          + "worker with 0 of 1 cores and 0 of 1024 MB free (its drivers hold 1 core and "
          + "1024 MB)"), lines.get(0));
      assertTrue(lines.get(1).startsWith("sparkgd: error: no executor started in 30 s: ")
          && lines.get(1).contains("0 of 1 cores")
          && lines.get(1).contains("--conf spark.sparkgd.executorTimeout="), lines.get(1));
      // The job started a few seconds before the note: the limit runs out soon after it.
      assertTrue(after.compareTo(Duration.ofSeconds(30 + 60)) < 0, "ended " + after
          + " after the note");
      try (Stream<Path> left = Files.list(data)) {
        assertEquals(List.of(), left.filter(f -> f.getFileName().toString()
            .contains("no-executor")).toList(), "no output, no staging folder");
      }
    }
  }

  private static ScriptProcess.Result fit(String name, String mode, Path output)
      throws InterruptedException {
    List<String> args = new ArrayList<>(List.of("fit", "--input", input.toString(), "--label",
        "y", "--features", "x1,x2,x3", "--output", output.toString()));
    args.addAll(List.of(FIT));
    return submit(name, Map.of("SPARKGD_SUBMIT_OPTS",
        "--deploy-mode " + mode + " --conf spark.ui.enabled=false"), args.toArray(new String[0]));
  }

  /** scripts/sparkgd ... --master spark://...: this line's jar on this line's cluster. */
  private static ScriptProcess.Result submit(String name, Map<String, String> env,
      String... args) throws InterruptedException {
    Map<String, String> environment = new HashMap<>();
    environment.put("SPARKGD_BUILD_DIR", BUILD.toString()); // unless env names another
    environment.putAll(env);
    return cluster.submit(LOGS.resolve(name), environment, args).await(LIMIT);
  }

  /** The data rows of the predict's CSV part files. */
  private static List<String> predictedRows(Path output) {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(output)) {
      for (Path part : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        Files.readAllLines(part).stream().skip(1).forEach(lines::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
