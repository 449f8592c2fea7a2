package org.sparkgd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.SameFit;
import org.sparkgd.SparkTestSession;
import org.sparkgd.TestData;
import org.sparkgd.cli.CliRunner;

/**
 * The command line on a real HDFS: a NameNode and a DataNode in this JVM on 127.0.0.1
 * ({@link MiniHdfs}), every path an {@code hdfs://127.0.0.1:PORT/…} URI. Input in CSV and
 * Parquet, output and checkpoints on HDFS, a resume, predict from a model there, and what a
 * failed fit leaves behind.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HdfsIT {
  private static final String[] FIT = {"--label", "y", "--features", "x1,x2,x3",
      "--learning-rate", "0.2", "--tolerance", "0", "--min-partitions", "2"};

  @TempDir
  static Path dir;
  static MiniHdfs hdfs;
  static SparkSession spark;
  static String csv;

  @BeforeAll
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  static void startHdfs() throws Exception {
    long start = System.nanoTime();
    hdfs = MiniHdfs.start(dir.resolve("hdfs"));
    System.err.printf("HdfsIT: HDFS up at %s in %.1f s%n", hdfs.uri(),
        (System.nanoTime() - start) / 1e9);
    spark = SparkTestSession.get();
    Path local = TestData.generate(2000, 17).writeCsv(dir.resolve("data.csv"));
    csv = hdfs.uri("/data/input.csv");
    hdfs.fileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()),
        new org.apache.hadoop.fs.Path(csv));
  }

  @AfterAll
  static void stopHdfs() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  private static CliRunner.Result fit(String input, String output, String... options) {
    List<String> args = new ArrayList<>(List.of("fit", "--input", input, "--output", output));
    args.addAll(List.of(FIT));
    args.addAll(List.of(options));
    return CliRunner.run(args.toArray(new String[0]));
  }

  private static void assertSucceeded(CliRunner.Result r) {
    assertEquals(0, r.exitCode(), r.err());
  }

  @Test
  void aFitReadsCsvAndParquetFromHdfsAndWritesItsOutputThere() throws Exception {
    String fromHdfs = hdfs.uri("/fits/csv");
    assertSucceeded(fit(csv, fromHdfs, "--max-iterations", "20"));
    Path local = dir.resolve("local-fit");
    assertSucceeded(fit(dir.resolve("data.csv").toString(), local.toString(),
        "--max-iterations", "20"));
    SameFit.assertSameFit(local.toUri().toString(), fromHdfs);
    FileSystem fs = hdfs.fileSystem();
    List<String> names = new ArrayList<>();
    for (FileStatus f : fs.listStatus(new org.apache.hadoop.fs.Path(fromHdfs))) {
      names.add(f.getPath().getName());
    }
    assertTrue(names.containsAll(List.of("model.json", "history", "_SUCCESS")), names.toString());

    String parquet = hdfs.uri("/data/generated.parquet");
    assertSucceeded(CliRunner.run("generate", "--rows", "3000", "--output", parquet,
        "--format", "parquet", "--seed", "5", "--partitions", "2"));
    String fromParquet = hdfs.uri("/fits/parquet");
    assertSucceeded(CliRunner.run("fit", "--input", parquet, "--label", "sales", "--features",
        "TV,radio,newspaper", "--output", fromParquet, "--learning-rate", "0.3",
        "--max-iterations", "10"));
    assertEquals(3000, SameFit.model(fromParquet).get("rows").asLong());
  }

  @Test
  void predictReadsAModelOnHdfs() throws Exception {
    String model = hdfs.uri("/fits/for-predict");
    assertSucceeded(fit(csv, model, "--max-iterations", "10"));
    String predictions = hdfs.uri("/predictions");
    CliRunner.Result r = CliRunner.run("predict", "--model", model, "--input", csv,
        "--output", predictions, "--format", "parquet");
    assertSucceeded(r);
    assertEquals(2000, spark.read().parquet(predictions).count());
    assertTrue(hdfs.fileSystem().exists(new org.apache.hadoop.fs.Path(predictions, "_SUCCESS")));
  }

  @Test
  void aFitKilledMidwayResumesFromItsCheckpointsOnHdfsToTheSameEnd() throws Exception {
    String clean = hdfs.uri("/fits/clean-24");
    assertSucceeded(fit(csv, clean, "--max-iterations", "24"));

    String output = hdfs.uri("/fits/killed");
    Interrupt.fitUntilCheckpoint(spark, () -> fit(csv, output, "--max-iterations", "24",
        "--checkpoint-every", "3"), output, 6);
    long saved = Interrupt.latest(spark.sparkContext().hadoopConfiguration(),
        new org.apache.hadoop.fs.Path(output + ".checkpoint"));
    assertTrue(saved >= 6 && saved < 24, "checkpoint " + saved);
    assertEquals(List.of("killed.checkpoint"), siblingsOf(output, "killed"),
        "a failed fit leaves its checkpoints and nothing that looks like output");

    assertSucceeded(CliRunner.run("fit", "--resume", output));
    SameFit.assertSameFit(clean, output);
    assertFalse(StoredOutputs.exists(spark, output + ".checkpoint"),
        "checkpoints are removed once the output is complete");
  }

  @Test
  void anOutputWithoutItsMarkerIsRefusedAndAFailedFitLeavesNone() throws Exception {
    String complete = hdfs.uri("/fits/complete");
    assertSucceeded(fit(csv, complete, "--max-iterations", "10"));
    // What a reader would see between the rename into place and the marker (or midway through
    // an object store's copy): the whole folder, less its _SUCCESS.
    FileSystem fs = hdfs.fileSystem();
    org.apache.hadoop.fs.Path half = new org.apache.hadoop.fs.Path(hdfs.uri("/fits/unmarked"));
    FileUtil.copy(fs, new org.apache.hadoop.fs.Path(complete), fs, half, false,
        spark.sparkContext().hadoopConfiguration());
    assertTrue(fs.delete(new org.apache.hadoop.fs.Path(half, "_SUCCESS"), false));
    String expected = half + ": incomplete output (no _SUCCESS marker): the fit that wrote it "
        + "did not finish; rerun it";

    CliRunner.Result predict = CliRunner.run("predict", "--model", half.toString(), "--input",
        csv, "--output", hdfs.uri("/never"));
    assertEquals(3, predict.exitCode(), predict.err());
    assertEquals("sparkgd: error: " + expected, predict.err().strip());
    CliRunner.Result plot = CliRunner.run("plot", "--history", half.toString(), "--output",
        hdfs.uri("/never-plots"));
    assertEquals(3, plot.exitCode(), plot.err());
    assertEquals("sparkgd: error: " + expected, plot.err().strip());
    assertFalse(StoredOutputs.exists(spark, hdfs.uri("/never")));

    // A fit that fails: nothing at the target, no staging folder.
    CliRunner.Result bad = CliRunner.run("fit", "--input", csv, "--output",
        hdfs.uri("/fits/bad"), "--label", "y", "--features", "x1,nope");
    assertEquals(3, bad.exitCode(), bad.err());
    assertEquals(List.of(), siblingsOf(hdfs.uri("/fits/bad"), "bad"));
  }

  /** The names in the output's parent folder that start with the output's name (or ".name"). */
  private static List<String> siblingsOf(String output, String name) throws Exception {
    org.apache.hadoop.fs.Path parent = new org.apache.hadoop.fs.Path(output).getParent();
    return Arrays.stream(hdfs.fileSystem().listStatus(parent))
        .map(f -> f.getPath().getName())
        .filter(n -> n.startsWith(name) || n.startsWith("." + name))
        .sorted().toList();
  }
}
