package org.sparkgd.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.sparkgd.UserError;

/**
 * Opens and closes the Spark of a command: its SparkContext (the jobs make a Spark SQL session
 * on it only when they need one, {@code data.SqlSession}); tests hand in their shared one.
 */
public interface Sessions {
  SparkContext open(String appName, String master);

  void close(SparkContext spark);

  /** The error for which the SparkContext was stopped under its command, or null. */
  default UserError stoppedBy() {
    return null;
  }

  /** The command's outcome is out: printed, and in its status folder if it has one. */
  default void reported() {}

  /** A new SparkContext per command, stopped at the end and watched for executors. */
  static Sessions own() {
    return new Own();
  }

  /**
   * A new SparkContext, stopped at the end. The master is the one given, else the one spark-submit
   * set, else {@code local[*]}. On a cluster, an {@link ExecutorWatchdog} stops it when its jobs
   * wait too long for an executor; a signal stops it through the JVM's shutdown
   * ({@link SignalStop}).
   */
  final class Own implements Sessions {
    private final SignalStop signal = new SignalStop();
    private ExecutorWatchdog watchdog;

    private Own() {}

    @Override
    public SparkContext open(String appName, String master) {
      SparkConf conf = new SparkConf().setAppName(appName)
          .set("spark.ui.showConsoleProgress", "false");
      if (master != null) {
        conf.setMaster(master);
      } else if (!conf.contains("spark.master")) {
        conf.setMaster("local[*]");
      }
      SparkContext spark = new SparkContext(conf);
      watchdog = ExecutorWatchdog.start(spark);
      signal.running(true);
      return spark;
    }

    @Override
    public void close(SparkContext spark) {
      signal.running(false);
      if (watchdog != null) {
        watchdog.close();
      }
      spark.stop();
    }

    @Override
    public UserError stoppedBy() {
      UserError failure = watchdog == null ? null : watchdog.failure();
      return failure != null ? failure : signal.failure();
    }

    @Override
    public void reported() {
      signal.reported();
    }
  }
}
