package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.SparkGd;
import org.sparkgd.job.FitJob;

/**
 * Failures a long fit meets, each against a clean run of the same fit: task failures retried by
 * Spark (injected by {@link FaultyFit}, in a JVM of its own, as its master must retry), and the
 * driver killed with SIGKILL and resumed from its checkpoint through scripts/sparkgd. Both must
 * end with the very same θ and history. The clean runs are no process's behaviour: they run in
 * this JVM ({@link FitJob#run}), meanwhile, as a fit is the same to the bit on any layout.
 */
class FaultToleranceIT {
  private static final Duration LIMIT = Duration.ofSeconds(240);
  private static final List<String> FIT = List.of("--label", "y", "--features", "x1,x2,x3",
      "--learning-rate", "0.2", "--tolerance", "0", "--min-partitions", "4");

  @TempDir
  static Path dir;
  static Path csv;

  @BeforeAll
  static void setUp() {
    csv = TestData.generate(3000, 41).writeCsv(dir.resolve("data.csv"));
  }

  /** {@code sparkgd fit}'s arguments for the fit to {@code output}, with {@code extra}. */
  private static String[] fitArgs(Path output, List<String> extra) {
    List<String> args = new ArrayList<>(List.of("--config",
        ScriptProcess.HOME.resolve("conf/sparkgd.properties").toString(), "--input",
        csv.toString(), "--output", output.toString()));
    args.addAll(FIT);
    args.addAll(extra);
    return args.toArray(new String[0]);
  }

  /** The uninterrupted fit, in this JVM on another thread; joined for its output folder. */
  private static CompletableFuture<Path> cleanFit(String name, List<String> extra) {
    Path output = dir.resolve(name);
    return CompletableFuture.supplyAsync(() -> {
      FitJob.run(SparkTestSession.get().sparkContext(), SparkGd.fitConfig(fitArgs(output, extra)));
      return output;
    });
  }

  @Test
  void retriedTaskFailuresChangeNoBit() throws Exception {
    List<String> options = List.of("--max-iterations", "30");
    Path faulty = dir.resolve("faulty-30");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(o -> !o.startsWith("-agentlib") && !o.startsWith("-javaagent"))
        .forEach(command::add);
    // The quick compiler alone, as scripts/sparkgd runs a local fit: a fit is short jobs.
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        FaultyFit.class.getName()));
    command.addAll(List.of(fitArgs(faulty, options)));
    Path out = dir.resolve("faulty-30.out");
    Path err = dir.resolve("faulty-30.err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    try {
      Path clean = cleanFit("clean-30", options).join();
      if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("the faulty fit did not finish in " + LIMIT.toSeconds() + " s");
      }
      assertEquals(0, p.exitValue(), Files.readString(err));
      String printed = Files.readString(out);
      assertTrue(printed.matches("(?s).*injected failures: [1-9].*"), printed);
      SameFit.assertSameFit(clean, faulty);
    } finally {
      p.destroyForcibly(); // a test that failed first leaves no fit running
    }
  }

  /**
   * A batch and a mini-batch fit, stopped after their 30th iteration and resumed by
   * scripts/sparkgd: both at once, as they share nothing, and each watched from here. The batch
   * fit is killed with SIGKILL (no shutdown hook runs); the mini-batch fit gets SIGTERM, as
   * {@code kill} or a scheduler stops a run, and says so in one line.
   */
  @Test
  void aKilledBatchOrMiniBatchFitResumesToTheSameEnd() throws Exception {
    try (KilledFit batch = new KilledFit("batch", false);
        KilledFit miniBatch = new KilledFit("minibatch", true, "--batch-fraction", "0.3",
            "--seed", "99")) {
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (!(batch.killedAfter(30) & miniBatch.killedAfter(30))) { // & : both, every turn
        assertTrue(System.nanoTime() < deadline, "no checkpoint at iteration 30 in time");
        Thread.sleep(20);
      }
      batch.resume();
      miniBatch.resume();
      batch.assertSameEndAsClean();
      miniBatch.assertSameEndAsClean();
    }
  }

  /** A fit of {@code mode} that checkpoints every 10 iterations, and its clean twin. */
  private static final class KilledFit implements AutoCloseable {
    private final String mode;
    /** SIGTERM (the JVM's shutdown runs) rather than SIGKILL. */
    private final boolean terminate;
    private final Path output;
    private final Path checkpoints;
    private final Map<String, String> env;
    private final ScriptProcess killed;
    private final CompletableFuture<Path> clean;
    private boolean wasKilled;
    private ScriptProcess resumed;

    KilledFit(String mode, boolean terminate, String... options) {
      this.mode = mode;
      this.terminate = terminate;
      List<String> args = new ArrayList<>(List.of("--mode", mode, "--max-iterations", "100"));
      args.addAll(List.of(options));
      List<String> withCheckpoints = new ArrayList<>(args);
      withCheckpoints.addAll(List.of("--checkpoint-every", "10"));
      output = dir.resolve(mode + "-killed");
      checkpoints = dir.resolve(mode + "-killed.checkpoint");
      env = Map.of("SPARKGD_LOG_DIR", dir.resolve("logs-" + mode).toString());
      killed = ScriptProcess.start(dir, mode + "-killed", env, "sparkgd",
          withFit(fitArgs(output, withCheckpoints)));
      clean = cleanFit(mode + "-clean", args);
    }

    /** Kills the fit once its checkpoint of {@code iteration} is saved; true once killed. */
    boolean killedAfter(int iteration) throws IOException, InterruptedException {
      if (wasKilled) {
        return true;
      }
      long saved = checkpointIteration(checkpoints);
      assertTrue(killed.alive(), mode + ": the fit ended before it could be killed: "
          + killed.standardError());
      if (saved < iteration) {
        return false;
      }
      if (terminate) {
        killed.terminate();
        ScriptProcess.Result run = killed.await(LIMIT);
        assertEquals(143, run.exitCode(), "128 + SIGTERM: " + run.err());
        assertEquals(List.of("sparkgd: error: stopped by a signal (Ctrl-C or kill) before the "
            + "command ended; no output was written (a fit that saved checkpoints continues "
            + "with --resume)"), run.err().lines().filter(l -> !l.contains(" INFO ")).toList(),
            "one line, no stack trace");
      } else {
        killed.close(); // SIGKILL: no shutdown hooks, no cleanup
      }
      wasKilled = true;
      assertFalse(Files.exists(output), "a killed fit leaves no output that looks complete");
      assertTrue(checkpointIteration(checkpoints) < 100, "killed before the end");
      return true;
    }

    void resume() {
      resumed = ScriptProcess.start(dir, mode + "-resumed", env, "sparkgd", "fit", "--resume",
          output.toString());
    }

    void assertSameEndAsClean() throws InterruptedException, IOException {
      ScriptProcess.Result run = resumed.await(LIMIT);
      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.err().contains("Resuming"), run.err());
      SameFit.assertSameFit(clean.join(), output);
      assertFalse(Files.exists(checkpoints),
          "checkpoints are removed once the output is complete");
    }

    /** A test that failed first leaves no fit running. */
    @Override
    public void close() {
      killed.close();
      if (resumed != null) {
        resumed.close();
      }
    }
  }

  /** {@code fit} before the arguments; scripts/sparkgd adds no --config as one is given. */
  private static String[] withFit(String[] args) {
    String[] line = new String[args.length + 1];
    line[0] = "fit";
    System.arraycopy(args, 0, line, 1, args.length);
    return line;
  }

  private static long checkpointIteration(Path checkpoints) throws IOException {
    if (!Files.isDirectory(checkpoints)) {
      return -1;
    }
    try (Stream<Path> files = Files.list(checkpoints)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("checkpoint-\\d+\\.json"))
          .mapToLong(n -> Long.parseLong(n.replaceAll("\\D", "")))
          .max().orElse(-1);
    }
  }
}
