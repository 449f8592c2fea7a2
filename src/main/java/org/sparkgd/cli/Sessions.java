package org.sparkgd.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.UserError;

/** Opens and closes the Spark session of a command; tests hand in their shared session. */
public interface Sessions {
  SparkSession open(String appName, String master);

  void close(SparkSession session);

  /** The error for which the session was stopped under its command, or null. */
  default UserError stoppedBy() {
    return null;
  }

  /** The command's outcome is out: printed, and in its status folder if it has one. */
  default void reported() {}

  /** A new session per command, stopped at the end and watched for executors. */
  static Sessions own() {
    return new Own();
  }

  /**
   * A new session, stopped at the end. The master is the one given, else the one spark-submit
   * set, else {@code local[*]}. On a cluster, an {@link ExecutorWatchdog} stops it when its jobs
   * wait too long for an executor; a signal stops it through the JVM's shutdown
   * ({@link SignalStop}).
   */
  final class Own implements Sessions {
    private final SignalStop signal = new SignalStop();
    private ExecutorWatchdog watchdog;

    private Own() {}

    @Override
    public SparkSession open(String appName, String master) {
      SparkSession.Builder builder = SparkSession.builder().appName(appName)
          .config("spark.ui.showConsoleProgress", "false");
      if (master != null) {
        builder.master(master);
      } else if (!new SparkConf().contains("spark.master")) {
        builder.master("local[*]");
      }
      SparkSession session = builder.getOrCreate();
      watchdog = ExecutorWatchdog.start(session.sparkContext());
      signal.running(true);
      return session;
    }

    @Override
    public void close(SparkSession session) {
      signal.running(false);
      if (watchdog != null) {
        watchdog.close();
      }
      session.stop();
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
