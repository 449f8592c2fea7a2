package org.sparkgd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One run of a project script (scripts/sparkgd, scripts/cluster) in its own process, with its
 * output in files and a hard time limit: on timeout or {@link #close()} the process and all its
 * descendants are killed by pid.
 */
public final class ScriptProcess implements AutoCloseable {
  public static final Path HOME = Path.of(System.getProperty("sparkgd.home", "."));

  private final Process process;
  private final Path out;
  private final Path err;
  private final Instant started;

  /** The outcome of a finished run. */
  public record Result(int exitCode, String out, String err) {}

  private ScriptProcess(Process process, Path out, Path err, Instant started) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.started = started;
  }

  /**
   * Starts {@code scripts/<script> args...} without SPARK_HOME (the project's own jars), with
   * {@code env} added to the environment; standard output and error go to {@code logs/<name>.out}
   * and {@code .err}.
   */
  public static ScriptProcess start(Path logs, String name, Map<String, String> env,
      String script, String... args) {
    List<String> command = new ArrayList<>();
    command.add(HOME.resolve("scripts").resolve(script).toString());
    command.addAll(List.of(args));
    try {
      Files.createDirectories(logs);
      Path out = logs.resolve(name + ".out");
      Path err = logs.resolve(name + ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
              new java.io.File("/dev/null")));
      builder.environment().remove("SPARK_HOME");
      builder.environment().putAll(env);
      Instant started = Instant.now();
      return new ScriptProcess(builder.start(), out, err, started);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code scripts/sparkgd args...} started now, its output and log in {@code dir/name*}. */
  public static ScriptProcess startSparkgd(Path dir, String name, String... args) {
    return start(dir, name, Map.of("SPARKGD_LOG_DIR", dir.resolve("logs-" + name).toString()),
        "sparkgd", args);
  }

  /**
   * Runs {@code scripts/sparkgd args...} to its end (at most 180 s) without SPARK_HOME, its
   * output and log in {@code dir}.
   */
  public static Result sparkgd(Path dir, String... args) throws InterruptedException {
    try (ScriptProcess run = start(dir, "sparkgd",
        Map.of("SPARKGD_LOG_DIR", dir.resolve("logs").toString()), "sparkgd", args)) {
      return run.await(Duration.ofSeconds(180));
    }
  }

  /** Runs to the end within {@code limit}, or fails the test after killing the run. */
  public Result await(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError(process.info().commandLine().orElse("the script")
          + " did not finish in " + limit.toSeconds() + " s; its output: " + out + ", " + err);
    }
    return new Result(process.exitValue(), read(out), read(err));
  }

  /** Waits until standard error has a line matching {@code test}; false when the run ended. */
  public boolean awaitErrorLine(Predicate<String> test, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (read(err).lines().anyMatch(test)) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Whether the run is still going. */
  public boolean alive() {
    return process.isAlive();
  }

  public Instant started() {
    return started;
  }

  public String standardError() {
    return read(err);
  }

  /** Sends SIGTERM, as {@code kill} or a scheduler stops a run (the script execs its JVM). */
  public void terminate() {
    process.destroy();
  }

  /** Kills the run and everything it started, by pid (the script execs its JVM). */
  @Override
  public void close() {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Reported below when it still lives.
      }
      if (p.isAlive()) {
        System.err.println("ScriptProcess: could not stop pid " + p.pid());
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
