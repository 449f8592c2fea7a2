package org.sparkgd.engine;

import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.sparkgd.data.DataBlock;

/**
 * For tests only: with the Spark setting {@value #SETTING} = true, the first attempt of every
 * other gradient task fails, so that a test can show Spark's retries change no bit of the fit.
 * Run with a master that allows retries, such as {@code local[2,4]}. The loss knows nothing of
 * it: {@link #wireInto} decorates the loss's blocks from outside.
 */
public final class FaultInjection {
  static final String SETTING = "spark.sparkgd.test.failFirstAttempts";

  private FaultInjection() {}

  /** The loss, with failures injected when the Spark setting asks for them. */
  public static LeastSquaresLoss wireInto(LeastSquaresLoss loss, SparkConf conf) {
    return conf.getBoolean(SETTING, false) ? loss.decorated(FaultInjection::failFirstAttempts)
        : loss;
  }

  private static JavaRDD<DataBlock> failFirstAttempts(JavaRDD<DataBlock> blocks, long iteration) {
    return blocks.mapPartitionsWithIndex((partition, rows) -> {
      if (TaskContext.get().attemptNumber() == 0 && (partition + iteration) % 2 == 0) {
        throw new IllegalStateException("injected failure (" + SETTING + "): iteration "
            + iteration + ", partition " + partition);
      }
      return rows;
    }, true);
  }
}
