package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures a long fit meets, each against a clean run of the same fit, in separate JVMs: task
 * failures retried by Spark (injected by {@link FaultyFit}, in a JVM on the test class path),
 * and the driver killed with SIGKILL and resumed from its checkpoint (through scripts/sparkgd).
 * Both must end with the very same θ and history.
 */
class FaultToleranceIT {
  private static final Path HOME = Path.of(System.getProperty("sparkgd.home", "."));
  private static final String[] FIT = {"--label", "y", "--features", "x1,x2,x3",
      "--learning-rate", "0.2", "--tolerance", "0", "--min-partitions", "4"};

  @TempDir
  static Path dir;
  static Path csv;

  @BeforeAll
  static void setUp() {
    csv = TestData.generate(3000, 41).writeCsv(dir.resolve("data.csv"));
  }

  private static Process start(Path output, Map<String, String> env, String... extra)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(HOME.resolve("scripts/sparkgd").toString(),
        "fit", "--input", csv.toString(), "--output", output.toString()));
    command.addAll(List.of(FIT));
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve(output.getFileName() + ".out").toFile())
        .redirectError(dir.resolve(output.getFileName() + ".err").toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().put("SPARKGD_LOG_DIR", dir.resolve("logs-" + output.getFileName())
        .toString());
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void finish(Process p, Path output) throws Exception {
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(output + ": the fit did not finish in 180 s");
    }
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve(output.getFileName() + ".err")));
  }

  /**
   * A fit started now and awaited by {@link Started#finish}: a clean run goes alongside the run
   * it is compared with, so that the two JVMs' start-ups overlap.
   */
  private static Started fit(String name, Map<String, String> env, String... extra)
      throws IOException {
    Path output = dir.resolve(name);
    return new Started(start(output, env, extra), output);
  }

  private record Started(Process process, Path output) implements AutoCloseable {
    Path finish() throws Exception {
      FaultToleranceIT.finish(process, output);
      return output;
    }

    /** A test that failed first leaves no fit running. */
    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  @Test
  void retriedTaskFailuresChangeNoBit() throws Exception {
    Path faulty = dir.resolve("faulty-30");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(o -> !o.startsWith("-agentlib") && !o.startsWith("-javaagent"))
        .forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        FaultyFit.class.getName(), "--config", HOME.resolve("conf/sparkgd.properties")
            .toString(), "--input", csv.toString(), "--output", faulty.toString()));
    command.addAll(List.of(FIT));
    command.addAll(List.of("--max-iterations", "30"));
    Path out = dir.resolve("faulty-30.out");
    try (Started clean = fit("clean-30", Map.of(), "--max-iterations", "30");
        Started faultyFit = new Started(new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("faulty-30.err").toFile()).start(), faulty)) {
      faultyFit.finish();
      String printed = Files.readString(out);
      assertTrue(printed.matches("(?s).*injected failures: [1-9].*"), printed);
      SameFit.assertSameFit(clean.finish(), faulty);
    }
  }

  @Test
  void aKilledBatchFitResumesToTheSameEnd() throws Exception {
    killAndResume("batch");
  }

  @Test
  void aKilledMiniBatchFitResumesToTheSameEnd() throws Exception {
    killAndResume("minibatch", "--batch-fraction", "0.3", "--seed", "99");
  }

  private void killAndResume(String mode, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--mode", mode, "--max-iterations", "100"));
    args.addAll(List.of(options));
    String[] fitArgs = args.toArray(new String[0]);
    List<String> withCheckpoints = new ArrayList<>(args);
    withCheckpoints.addAll(List.of("--checkpoint-every", "10"));
    try (Started clean = fit(mode + "-clean", Map.of(), fitArgs);
        Started killed = fit(mode + "-killed", Map.of(),
            withCheckpoints.toArray(new String[0]))) {
      Path output = killed.output();
      Path checkpoints = dir.resolve(mode + "-killed.checkpoint");
      Process p = killed.process();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (checkpointIteration(checkpoints) < 30) {
        assertTrue(p.isAlive(), "the fit ended before it could be killed");
        assertTrue(System.nanoTime() < deadline, "no checkpoint at iteration 30 within 120 s");
        Thread.sleep(100);
      }
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertFalse(Files.exists(output), "a killed fit leaves no output that looks complete");
      assertTrue(checkpointIteration(checkpoints) < 100, "killed before the end");

      Process resumed = new ProcessBuilder(HOME.resolve("scripts/sparkgd").toString(), "fit",
          "--resume", output.toString())
          .redirectOutput(dir.resolve(mode + "-resumed.out").toFile())
          .redirectError(dir.resolve(mode + "-killed.err").toFile()).start();
      finish(resumed, output);
      assertTrue(Files.readString(dir.resolve(mode + "-killed.err")).contains("Resuming"));
      SameFit.assertSameFit(clean.finish(), output);
      assertFalse(Files.exists(checkpoints),
          "checkpoints are removed once the output is complete");
    }
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
