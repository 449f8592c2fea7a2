package org.sparkgd.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the benchmark's child processes: project scripts, and fresh JVMs on its class path. */
final class Processes {
  private static final long LIMIT_MINUTES = 60;

  private Processes() {}

  /**
   * Runs {@code command} to its end with {@code env} added, its output (both streams) in
   * {@code console}; a non-zero exit fails with the output's last lines.
   */
  static void run(List<String> command, Map<String, String> env, Path console)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(console.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().remove("SPARK_HOME");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IllegalStateException("timed out after " + LIMIT_MINUTES + " min: " + command);
    }
    if (process.exitValue() != 0) {
      List<String> lines = Files.readAllLines(console);
      throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }
  }

  /** Deletes {@code dir} and everything in it (nothing when it does not exist). */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Has scripts/sparkgd make its class archive (scripts/class-archive.sh) before any fit is
   * timed, as a user's first fit does: one untimed one-iteration fit of a few rows.
   */
  static void prepareClassArchive(Path sparkgd, Path dir)
      throws IOException, InterruptedException {
    Path csv = Files.writeString(dir.resolve("class-archive.csv"),
        "x,y\n1,2.1\n2,3.9\n3,6.2\n4,7.8\n");
    run(List.of(sparkgd.toString(), "fit", "--input", csv.toString(), "--label", "y",
        "--features", "x", "--max-iterations", "1", "--output",
        dir.resolve("class-archive-fit").toString()),
        Map.of("SPARKGD_LOG_DIR", dir.resolve("class-archive-logs").toString()),
        dir.resolve("class-archive-fit.txt"));
  }

  /** {@code main}'s class in a fresh JVM with this JVM's options and class path. */
  static List<String> java(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-agentlib") && !option.startsWith("-javaagent")) {
        command.add(option);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** The first line of {@code console} starting with {@code tag}, split after the tag. */
  static double[] numbersAfter(Path console, String tag) throws IOException {
    String line = Files.readAllLines(console).stream().filter(l -> l.startsWith(tag + " "))
        .findFirst().orElseThrow(() -> new IllegalStateException("no " + tag + " in "
            + console));
    String[] parts = line.substring(tag.length()).trim().split("\\s+");
    double[] values = new double[parts.length];
    for (int k = 0; k < parts.length; k++) {
      values[k] = Double.parseDouble(parts[k]);
    }
    return values;
  }
}
