package org.sparkgd.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.UserError;

/**
 * Ends a driver whose jobs wait for an executor that never comes (a cluster with no room for
 * one: the driver took the only worker's core in cluster deploy mode, or asks more memory than
 * a worker has), instead of waiting forever. Once a second it asks whether a job is active while
 * no executor is registered; when that has lasted {@value #TIMEOUT} seconds (default
 * {@value #DEFAULT_SECONDS}; 0: wait forever), it keeps the error and stops the Spark context,
 * which fails the waiting job: the command then ends with that error ({@link #failure()}).
 * Local masters run their tasks in the driver and are not watched.
 */
final class ExecutorWatchdog implements AutoCloseable {
  /** The Spark conf of the limit, in seconds (spark-submit's --conf). */
  static final String TIMEOUT = "spark.sparkgd.executorTimeout";
  /**
   * Five minutes: an executor normally registers within seconds, but a busy cluster manager may
   * take minutes to grant a container or schedule a pod; a hang is a hang at any length.
   */
  static final long DEFAULT_SECONDS = 300;
  /** The master's web UI (scripts/sparkgd passes it for spark:// masters), for the line. */
  static final String MASTER_UI = "spark.sparkgd.masterUi";
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorWatchdog.class);

  private final SparkContext context;
  private final long limitNanos;
  private final ScheduledExecutorService timer;
  private long waitingSince = -1;
  private volatile UserError failure;

  private ExecutorWatchdog(SparkContext context, long seconds) {
    this.context = context;
    this.limitNanos = TimeUnit.SECONDS.toNanos(seconds);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sparkgd-executor-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  /** Watches {@code context} unless it is local or the limit is 0; null when not watched. */
  static ExecutorWatchdog start(SparkContext context) {
    long seconds = context.getConf().getTimeAsSeconds(TIMEOUT, DEFAULT_SECONDS + "s");
    if (context.isLocal() || seconds <= 0) {
      return null;
    }
    ExecutorWatchdog watchdog = new ExecutorWatchdog(context, seconds);
    watchdog.timer.scheduleWithFixedDelay(watchdog::check, 1, 1, TimeUnit.SECONDS);
    return watchdog;
  }

  /** The error that ended the command, or null while the executors came. */
  UserError failure() {
    return failure;
  }

  private void check() {
    try {
      // The block managers include the driver's own: executors are the others.
      boolean noExecutor = context.getExecutorMemoryStatus().size() <= 1;
      boolean jobWaits = context.statusTracker().getActiveJobIds().length > 0;
      long now = System.nanoTime();
      if (!(noExecutor && jobWaits)) {
        waitingSince = -1;
      } else if (waitingSince < 0) {
        waitingSince = now;
      } else if (now - waitingSince >= limitNanos) {
        failure = UserError.resources(message(context.getConf()));
        LOG.error(failure.getMessage());
        timer.shutdown();
        context.stop(); // fails the waiting job; the command reports the failure above
      }
    } catch (RuntimeException e) {
      LOG.debug("Executor watchdog check failed", e);
    }
  }

  private String message(SparkConf conf) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(limitNanos);
    String cores = conf.contains("spark.executor.cores")
        ? ClusterOffer.plural(conf.getInt("spark.executor.cores", 1), "core")
        : context.master().startsWith("spark://") ? "at least 1 core" : "1 core";
    String text = "no executor started in " + seconds + " s: the application asks " + cores
        + " and " + conf.getSizeAsMb("spark.executor.memory", "1g") + " MB per executor";
    if (conf.contains(MASTER_UI)) {
      try {
        text += "; " + ClusterOffer.fetch(conf.get(MASTER_UI)).offered();
      } catch (java.io.IOException | RuntimeException e) {
        LOG.debug("Cannot read the master's state at {}", conf.get(MASTER_UI), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return text + "; ask less (--executor-cores, --executor-memory), add workers, or wait "
        + "longer (--conf " + TIMEOUT + "=SECONDS)";
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
