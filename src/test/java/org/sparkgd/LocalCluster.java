package org.sparkgd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster started with {@code scripts/cluster up} for a test, and stopped
 * with {@code scripts/cluster down}; whatever outlives that (daemons, executors) is killed by
 * the pids recorded at start, so a failing test leaves nothing running.
 */
public final class LocalCluster implements AutoCloseable {
  private static final Duration UP_LIMIT = Duration.ofSeconds(150);
  private static final Duration DOWN_LIMIT = Duration.ofSeconds(60);
  private static final Path START_LOCK = ScriptProcess.HOME.resolve("target/cluster-start.lock");
  /**
   * The quick JIT compiler only (C1), for every JVM of a test cluster: the daemons, and through
   * their environment the executors and cluster-mode drivers the workers start, and the
   * submitting JVMs. A dozen short-lived JVMs on 2 cores otherwise spend much of the CPU in
   * the optimizing compiler (ClusterIT: 162 s with it, 117 s without). Behaviour, not speed,
   * is under test here; scripts/sparkgd chooses C1 for a local fit for the same reason.
   */
  private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

  private final Path dir;
  private final String masterUrl;

  private LocalCluster(Path dir, String masterUrl) {
    this.dir = dir;
    this.masterUrl = masterUrl;
  }

  /** Master and {@code workers} workers of 1 core and 1g each; logs under {@code dir}. */
  public static LocalCluster start(Path dir, int workers) throws InterruptedException {
    return start(dir, workers, Map.of());
  }

  /** As above, with {@code env} for scripts/cluster (SPARKGD_BUILD_DIR: another Spark line). */
  public static LocalCluster start(Path dir, int workers, Map<String, String> env)
      throws InterruptedException {
    ScriptProcess.Result up;
    // One start at a time across test JVMs (-Dit.forks=2): daemons starting at once on 2 cores
    // can starve each other past the limits.
    try (FileChannel lockFile = FileChannel.open(START_LOCK, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock();
        ScriptProcess process = ScriptProcess.start(dir, "cluster-up", withQuickJit(env), "cluster",
            "up", "--workers", Integer.toString(workers), "--cores", "1", "--memory", "1g",
            "--dir", dir.toString(), "--timeout", "120")) {
      up = process.await(UP_LIMIT);
    } catch (IOException e) {
      new LocalCluster(dir, null).close();
      throw new UncheckedIOException(e);
    } catch (InterruptedException | RuntimeException | AssertionError e) {
      new LocalCluster(dir, null).close();
      throw e;
    }
    if (up.exitCode() != 0) {
      new LocalCluster(dir, null).close();
      throw new AssertionError("scripts/cluster up failed: " + up.err());
    }
    return new LocalCluster(dir, up.out().strip());
  }

  /** JAVA_TOOL_OPTIONS reaches every JVM the daemons start (each says so on its stderr). */
  private static Map<String, String> withQuickJit(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("JAVA_TOOL_OPTIONS", QUICK_JIT);
    return all;
  }

  public String masterUrl() {
    return masterUrl;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Starts scripts/sparkgd {@code args} --master (this cluster): the driver in its own JVM,
   * through SparkSubmit, of 1g; its output and log in {@code logs}, emptied first (the log file
   * appends: keep one run's); {@code env} adds SPARKGD_SUBMIT_OPTS (and SPARK_HOME, if any).
   */
  public ScriptProcess submit(Path logs, Map<String, String> env, String... args) {
    List<String> withMaster = new ArrayList<>(List.of(args));
    withMaster.addAll(List.of("--master", masterUrl));
    try (Stream<Path> files = Files.exists(logs) ? Files.walk(logs) : Stream.empty()) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> all = new HashMap<>(env);
    all.put("SPARKGD_LOG_DIR", logs.toString());
    all.put("SPARKGD_JAVA_OPTS", "-Xmx1g " + QUICK_JIT);
    return ScriptProcess.start(logs, "sparkgd", all, "sparkgd",
        withMaster.toArray(new String[0]));
  }

  /** The worker's JVM, as recorded in its pid file. */
  public ProcessHandle worker(int index) {
    return pid(dir.resolve("pids/worker-" + index + ".pid"))
        .orElseThrow(() -> new AssertionError("worker " + index + " is not running"));
  }

  /** The executor processes a worker launched after {@code since}. */
  public List<ProcessHandle> executorsOf(int worker, Instant since) {
    return worker(worker).children()
        .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
        .filter(p -> p.info().startInstant().map(t -> !t.isBefore(since.minusSeconds(1)))
            .orElse(false))
        .toList();
  }

  /** An executor's standard error (Spark's log): work/worker-N/APP_ID/EXECUTOR_ID/stderr. */
  public Path executorLog(int worker, ProcessHandle executor) {
    List<String> args = List.of(executor.info().arguments().orElse(new String[0]));
    int app = args.indexOf("--app-id");
    int id = args.indexOf("--executor-id");
    if (app < 0 || id < 0) {
      throw new AssertionError("not an executor: " + executor.info().commandLine().orElse("?"));
    }
    return dir.resolve("work/worker-" + worker).resolve(args.get(app + 1))
        .resolve(args.get(id + 1)).resolve("stderr");
  }

  /** Waits until the executor's log has {@code text}; false when it has not in {@code limit}. */
  public boolean awaitExecutorLog(int worker, ProcessHandle executor, String text,
      Duration limit) throws IOException, InterruptedException {
    Path log = executorLog(worker, executor);
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /**
   * A SPARK_HOME in {@code home} of this cluster's jars, whose bin/spark-submit is a stand-in
   * that runs Spark's launcher, as a distribution's does (src/test/resources).
   */
  public Path sparkHome(Path home) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.createSymbolicLink(home.resolve("jars"), dir.resolve("spark-home/jars"));
    Files.writeString(home.resolve("RELEASE"), "");
    Path submit = home.resolve("bin/spark-submit");
    try (var standIn = LocalCluster.class.getResourceAsStream("/spark-submit-standin.sh")) {
      Files.copy(standIn, submit);
    }
    if (!submit.toFile().setExecutable(true)) {
      throw new IOException(submit + ": cannot make it executable");
    }
    return home;
  }

  /** The first line of the newest driver's stderr on the workers: "Launch Command: ...". */
  public String driverLaunchCommand() throws IOException {
    try (Stream<Path> files = Files.find(dir.resolve("work"), 3,
        (f, a) -> f.getFileName().toString().equals("stderr")
            && f.getParent().getFileName().toString().startsWith("driver-"))) {
      Path newest = files.max(Comparator.comparing(f -> f.getParent().getFileName().toString()))
          .orElseThrow(() -> new AssertionError("no driver ran on a worker"));
      return Files.readString(newest).lines().findFirst().orElse("");
    }
  }

  /** {@code scripts/cluster down}, then kills by pid whatever still runs. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> started = new ArrayList<>();
    for (Path file : pidFiles()) {
      pid(file).ifPresent(p -> {
        started.add(p);
        started.addAll(p.descendants().toList());
      });
    }
    try (ScriptProcess down = ScriptProcess.start(dir, "cluster-down", Map.of(), "cluster",
        "down", "--dir", dir.toString())) {
      down.await(DOWN_LIMIT);
    } catch (AssertionError e) {
      System.err.println("LocalCluster: " + e.getMessage());
    } finally {
      for (ProcessHandle p : started) {
        if (p.isAlive()) {
          System.err.println("LocalCluster: killing pid " + p.pid() + " left by scripts/cluster");
          p.destroyForcibly();
          try {
            p.onExit().get(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            System.err.println("LocalCluster: pid " + p.pid() + " did not exit: " + e);
          }
        }
      }
    }
  }

  private List<Path> pidFiles() {
    Path pids = dir.resolve("pids");
    if (!Files.isDirectory(pids)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pids)) {
      return files.filter(f -> f.toString().endsWith(".pid")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process of a pid file, when it lives and is one of this cluster's daemons. */
  private Optional<ProcessHandle> pid(Path file) {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(file).strip());
      String marker = "-Dsparkgd.cluster=" + dir.toRealPath();
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().orElse("").contains(marker));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
