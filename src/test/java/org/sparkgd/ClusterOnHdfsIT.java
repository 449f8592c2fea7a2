package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
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
 * Cluster deploy mode without a shared disk: the output on HDFS (a NameNode and a DataNode in
 * this JVM, on loopback), the driver in a worker's folder. The driver leaves its outcome beside
 * the output, on HDFS, and scripts/sparkgd reads it from there, prints it and removes it; the
 * output holds what a fit writes and nothing else.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ClusterOnHdfsIT {
  private static final Duration LIMIT = Duration.ofSeconds(270);
  private static final Path LOGS = ScriptProcess.HOME.resolve("target/cluster-hdfs-it");
  private static final String[] OPTIONS = {"--max-iterations", "20", "--min-partitions", "2"};
  private static final Map<String, String> CLUSTER_MODE = Map.of("SPARKGD_SUBMIT_OPTS",
      "--deploy-mode cluster --conf spark.ui.enabled=false", "SPARKGD_JAVA_OPTS", "-Xmx1g");

  @TempDir
  static Path data;

  private static LocalCluster cluster;
  private static MiniHdfs hdfs;
  private static Path input;

  @BeforeAll
  static void start() throws Exception {
    hdfs = MiniHdfs.start(data.resolve("hdfs"));
    cluster = LocalCluster.start(LOGS.resolve("cluster"), 2);
    input = TestData.generate(2_000, 31).writeCsv(data.resolve("input.csv"));
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

  @Test
  void theOutcomeComesBackThroughTheOutputsFileSystemAndIsRemoved() throws Exception {
    String output = hdfs.uri("/fits/cluster-mode");
    ScriptProcess.Result run = fit("fit", input.toUri().toString(), output, "x1,x2,x3");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("y ~ x1 + x2 + x3: 2000 rows"), run.out());
    assertTrue(cluster.driverLaunchCommand().contains(
        "-Dspark.sparkgd.statusDir=" + hdfs.uri("/fits/.cluster-mode.sparkgd-status-")),
        "the status beside the output, on HDFS: " + cluster.driverLaunchCommand());

    FileSystem fs = hdfs.fileSystem();
    assertEquals(List.of("cluster-mode"), names(fs, hdfs.uri("/fits")), "the status is gone");
    Path local = data.resolve("local-fit");
    CliRunner.Result localFit = CliRunner.fit(input, local, OPTIONS);
    assertEquals(0, localFit.exitCode(), localFit.err());
    assertEquals(new TreeSet<>(Arrays.asList(local.toFile().list())),
        new TreeSet<>(names(fs, output)), "the output holds what a fit writes");
  }

  /**
   * A failing driver on a worker: its exit code and its one-line error (naming the file, made
   * absolute by the script, and the columns it has) come back; nothing is written.
   */
  @Test
  void aBadColumnComesBackAsItsExitCodeAndOneLine() throws Exception {
    String output = hdfs.uri("/bad/cluster-mode");
    String relativeInput = Path.of("").toAbsolutePath().relativize(input.toAbsolutePath())
        .toString();
    ScriptProcess.Result run = fit("bad-column", relativeInput, output, "x1,x9");
    assertEquals(UserError.EXIT_CODE, run.exitCode(), run.out() + run.err());
    assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    assertTrue(run.err().startsWith("sparkgd: error: file:" + input.toAbsolutePath()
        + ": no column 'x9'") && run.err().contains("the columns are: id, x1, x2, x3, y"),
        run.err());
    FileSystem fs = hdfs.fileSystem();
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path(output)));
    assertEquals(List.of(), names(fs, hdfs.uri("/bad")), "the status is gone");
  }

  private static ScriptProcess.Result fit(String name, String in, String output,
      String features) throws InterruptedException {
    List<String> args = new java.util.ArrayList<>(List.of("fit", "--input", in, "--output",
        output, "--label", "y", "--features", features, "--master", cluster.masterUrl()));
    args.addAll(List.of(OPTIONS));
    Map<String, String> env = new java.util.HashMap<>(CLUSTER_MODE);
    env.put("SPARKGD_LOG_DIR", LOGS.resolve(name).toString());
    return ScriptProcess.start(LOGS.resolve(name), name, env, "sparkgd",
        args.toArray(new String[0])).await(LIMIT);
  }

  private static List<String> names(FileSystem fs, String dir) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
    if (!fs.exists(path)) {
      return List.of();
    }
    return Arrays.stream(fs.listStatus(path)).map(FileStatus::getPath)
        .map(org.apache.hadoop.fs.Path::getName).sorted().toList();
  }
}
