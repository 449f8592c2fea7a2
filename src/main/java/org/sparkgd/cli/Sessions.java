package org.sparkgd.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Opens and closes the Spark session of a command; tests hand in their shared session. */
public interface Sessions {
  SparkSession open(String appName, String master);

  void close(SparkSession session);

  /**
   * A new session, stopped at the end. The master is the one given, else the one spark-submit
   * set, else {@code local[*]}.
   */
  Sessions DEFAULT = new Sessions() {
    @Override
    public SparkSession open(String appName, String master) {
      SparkSession.Builder builder = SparkSession.builder().appName(appName)
          .config("spark.ui.showConsoleProgress", "false");
      if (master != null) {
        builder.master(master);
      } else if (!new SparkConf().contains("spark.master")) {
        builder.master("local[*]");
      }
      return builder.getOrCreate();
    }

    @Override
    public void close(SparkSession session) {
      session.stop();
    }
  };
}
