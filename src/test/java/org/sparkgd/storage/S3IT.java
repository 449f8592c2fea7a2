package org.sparkgd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.logging.log4j.Level;
import org.apache.spark.SparkContext;
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
import org.sparkgd.cli.Sessions;
import org.sparkgd.cli.SparkGd;

/**
 * The command line on an S3-compatible store: S3Proxy in this JVM on 127.0.0.1 ({@link LocalS3}),
 * reached through Hadoop's S3A connector with path-style requests. The access key and secret
 * reach Hadoop only through the session's Hadoop configuration (where a user's {@code --conf
 * spark.hadoop.fs.s3a.secret.key} lands), set on the shared test session and unset afterwards;
 * the secret must then appear in no object that the job writes, no checkpoint and no log line.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class S3IT {
  private static final String BUCKET = "sparkgd-test";
  private static final String ACCESS_KEY = "sparkgd-access-key";
  private static final String SECRET = "sparkgd-secret-" + UUID.randomUUID();
  private static final String[] FIT = {"--label", "y", "--features", "x1,x2,x3",
      "--learning-rate", "0.2", "--tolerance", "0", "--min-partitions", "2",
      "--max-iterations", "10"};

  @TempDir
  static Path dir;
  static LocalS3 s3;
  static SparkSession spark;
  static Sessions sessions;
  static final List<CliRunner.Result> runs = new ArrayList<>();
  static final Map<String, byte[]> checkpoints = new ConcurrentHashMap<>();
  static String logs;
  static final Map<String, String> s3Settings = new java.util.LinkedHashMap<>();

  @BeforeAll
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  static void fitAndPredictOnS3() throws Exception {
    s3 = LocalS3.start(ACCESS_KEY, SECRET);
    s3.blobs().createContainerInLocation(null, BUCKET);
    Path csv = TestData.generate(2000, 23).writeCsv(dir.resolve("input.csv"));
    s3.put(BUCKET, "input.csv", Files.readAllBytes(csv));

    // The shared session, given the S3A settings for this test (a user gives them as
    // spark.hadoop.* settings, which Spark copies into this same configuration at start).
    spark = SparkTestSession.get();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    s3Settings.put("fs.s3a.access.key", ACCESS_KEY);
    s3Settings.put("fs.s3a.secret.key", SECRET);
    s3Settings.putAll(s3.s3aSettings());
    s3Settings.forEach(conf::set);
    try (LogCapture capture = new LogCapture(Map.of("org.sparkgd", Level.DEBUG,
        "org.apache.spark", Level.INFO, "org.apache.hadoop", Level.INFO,
        "org.apache.hadoop.fs.s3a", Level.DEBUG, "org.gaul.s3proxy", Level.INFO))) {
      sessions = new Sessions() {
        @Override
        public SparkContext open(String appName, String master) {
          return spark.sparkContext();
        }

        @Override
        public void close(SparkContext spark) {
          // shared by every test: left running
        }
      };
      CompletableFuture<CliRunner.Result> fit = CompletableFuture.supplyAsync(() -> run(
          "fit", "--input", "s3a://" + BUCKET + "/input.csv", "--output",
          "s3a://" + BUCKET + "/fit", "--checkpoint-every", "3"));
      watchCheckpoints(fit, "fit.checkpoint/");
      runs.add(fit.get(180, TimeUnit.SECONDS));
      runs.add(run("predict", "--model", "s3a://" + BUCKET + "/fit", "--input",
          "s3a://" + BUCKET + "/input.csv", "--output", "s3a://" + BUCKET + "/predictions",
          "--format", "csv"));
      logs = capture.text();
    }
    if (runs.stream().anyMatch(r -> r.exitCode() != 0)) {
      System.err.println(logs); // what the server and the connector said
    }
  }

  /** Copies every checkpoint object seen while the fit runs (each is removed by the next). */
  private static void watchCheckpoints(CompletableFuture<?> fit, String prefix)
      throws Exception {
    while (!fit.isDone()) {
      for (var m : s3.blobs().list(BUCKET, org.jclouds.blobstore.options.ListContainerOptions
          .Builder.prefix(prefix).recursive())) {
        if (m.getName().matches(".*checkpoint-\\d+\\.json") && !checkpoints.containsKey(
            m.getName())) {
          byte[] content = s3.read(BUCKET, m.getName());
          if (content != null) {
            checkpoints.put(m.getName(), content);
          }
        }
      }
      Thread.sleep(20);
    }
  }

  private static CliRunner.Result run(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command));
    List<String> given = List.of(args);
    if (command.equals("fit") && !given.contains("--resume")) {
      // FIT's options, but for those the caller gives (an option may be given only once).
      for (int i = 0; i < FIT.length; i += 2) {
        if (!given.contains(FIT[i])) {
          all.addAll(List.of(FIT[i], FIT[i + 1]));
        }
      }
    }
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkGd.execute(all.toArray(new String[0]), sessions, new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new CliRunner.Result(code, out.toString(), err.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (spark != null) {
        s3Settings.keySet().forEach(spark.sparkContext().hadoopConfiguration()::unset);
      }
      FileSystem.closeAll(); // the S3A clients and their threads
    } finally {
      if (s3 != null) {
        s3.close();
      }
    }
  }

  @Test
  void aFitReadsS3AndPublishesItsOutputThereWithTheMarkerLast() throws Exception {
    assertEquals(0, runs.get(0).exitCode(), runs.get(0).err());
    Map<String, byte[]> objects = s3.objects(BUCKET);
    assertTrue(objects.containsKey("fit/model.json"), objects.keySet().toString());
    assertTrue(objects.containsKey("fit/_SUCCESS"), objects.keySet().toString());
    assertTrue(objects.keySet().stream().anyMatch(k -> k.startsWith("fit/history/part-")));
    assertFalse(objects.keySet().stream().anyMatch(k -> k.startsWith("fit.checkpoint/")
        || k.startsWith(".fit")), "no checkpoint or staging left: " + objects.keySet());
    assertFalse(checkpoints.isEmpty(), "checkpoints were written to S3 during the fit");

    // The same fit from the local disk, in the same session: the same numbers.
    Path local = dir.resolve("local-fit");
    CliRunner.Result r = run("fit", "--input", dir.resolve("input.csv").toString(),
        "--output", local.toString());
    assertEquals(0, r.exitCode(), r.err());
    SameFit.assertSameFit(local.toUri().toString(), "s3a://" + BUCKET + "/fit");
  }

  /**
   * A fit on S3 whose jobs fail after a checkpoint (as when the driver loses its executors),
   * resumed from its checkpoints there: the same fit, bit for bit, as one never interrupted.
   */
  @Test
  void aFitInterruptedOnS3ResumesToTheSameFitBitForBit() throws Exception {
    String input = "s3a://" + BUCKET + "/input.csv";
    String clean = "s3a://" + BUCKET + "/uninterrupted";
    CliRunner.Result whole = run("fit", "--input", input, "--output", clean,
        "--max-iterations", "24");
    assertEquals(0, whole.exitCode(), whole.err());

    String output = "s3a://" + BUCKET + "/interrupted";
    Interrupt.fitUntilCheckpoint(spark, () -> run("fit", "--input", input, "--output", output,
        "--max-iterations", "24", "--checkpoint-every", "3"), output, 6);
    long saved = Interrupt.latest(spark.sparkContext().hadoopConfiguration(),
        new org.apache.hadoop.fs.Path(output + ".checkpoint"));
    assertTrue(saved >= 6 && saved < 24, "checkpoint " + saved);
    assertFalse(s3.objects(BUCKET).containsKey("interrupted/model.json"));

    CliRunner.Result resumed = run("fit", "--resume", output);
    assertEquals(0, resumed.exitCode(), resumed.err());
    SameFit.assertSameFit(clean, output);
    assertFalse(s3.objects(BUCKET).keySet().stream()
        .anyMatch(k -> k.startsWith("interrupted.checkpoint/")), "the checkpoints are removed");
  }

  @Test
  void predictReadsTheModelFromS3() {
    assertEquals(0, runs.get(1).exitCode(), runs.get(1).err());
    assertEquals(2000, spark.read().option("header", "true")
        .csv("s3a://" + BUCKET + "/predictions").count());
  }

  @Test
  void anOutputWithoutItsMarkerIsRefused() throws Exception {
    for (Map.Entry<String, byte[]> o : s3.objects(BUCKET).entrySet()) {
      if (o.getKey().startsWith("fit/") && !o.getKey().equals("fit/_SUCCESS")) {
        s3.put(BUCKET, "half/" + o.getKey().substring(4), o.getValue());
      }
    }
    CliRunner.Result r = run("predict", "--model", "s3a://" + BUCKET + "/half", "--input",
        "s3a://" + BUCKET + "/input.csv", "--output", "s3a://" + BUCKET + "/never");
    assertEquals(3, r.exitCode(), r.err());
    assertEquals("sparkgd: error: s3a://" + BUCKET + "/half: incomplete output (no _SUCCESS "
        + "marker): the fit that wrote it did not finish; rerun it", r.err().strip());
  }

  @Test
  void theSecretAppearsInNoOutputCheckpointOrLogLine() throws Exception {
    assertTrue(logs.contains("org.apache.hadoop.fs.s3a"),
        "the S3A connector's own debug lines are here");
    assertTrue(logs.contains("Wrote s3a://" + BUCKET + "/fit"), "sparkgd's own lines are here");
    assertFalse(logs.contains(SECRET), "the secret is in the log");
    for (CliRunner.Result r : runs) {
      assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET));
    }
    Map<String, byte[]> written = new java.util.LinkedHashMap<>(s3.objects(BUCKET));
    written.putAll(checkpoints);
    assertTrue(written.containsKey("fit/model.json"));
    for (Map.Entry<String, byte[]> o : written.entrySet()) {
      assertFalse(new String(o.getValue(), StandardCharsets.ISO_8859_1).contains(SECRET),
          o.getKey() + " holds the secret");
    }
  }
}
