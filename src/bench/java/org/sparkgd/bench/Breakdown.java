package org.sparkgd.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.optim.CostFunction;
import org.sparkgd.optim.Evaluation;

/**
 * Where an iteration's time goes. Times the evaluator as it is, the pieces an iteration is made
 * of (an empty job over the cached partitions, a broadcast and its release, the tasks' own
 * metrics), and scratch variants of the evaluator that each change one thing; every variant's
 * result is checked against the evaluator's. The candidates are timed in {@link Turns}.
 */
final class Breakdown {
  /** A variant must give the evaluator's cost and gradient to this relative difference. */
  static final double SAME_RESULT = 1e-10;

  private Breakdown() {}

  /** One line of the breakdown: a time, and for variants how far its result is from the evaluator's. */
  record Line(String name, Timing timing, double resultDifference) {}

  /** The pieces and the evaluator's own Spark metrics. */
  record Pieces(Timing evaluate, JobProbe.Averages metrics, Timing emptyJob,
      Timing emptyRunJob, Timing broadcastAndDestroy, Timing broadcastAndBlockingDestroy) {}

  /** A task that touches nothing, as a named class (which Spark's ClosureCleaner skips). */
  private static final class Nothing
      extends scala.runtime.AbstractFunction2<org.apache.spark.TaskContext,
          scala.collection.Iterator<org.sparkgd.data.DataBlock>, Integer>
      implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer apply(org.apache.spark.TaskContext context,
        scala.collection.Iterator<org.sparkgd.data.DataBlock> blocks) {
      return 0;
    }
  }

  static Pieces pieces(TrainingData data, int treeDepth, int warmup, int repetitions) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.blocks().context());
    double[] theta = BenchRun.THETA;
    CostFunction evaluator = new LeastSquaresLoss(data, treeDepth, null, 1, 0);
    long[] iteration = {0};
    for (int i = 0; i < warmup; i++) {
      evaluator.evaluate(theta, iteration[0]++);
    }
    JobProbe probe = JobProbe.attach(jsc.sc());
    Timing evaluate;
    JobProbe.Averages metrics;
    try {
      evaluate = Timing.measure(0, repetitions, () -> evaluator.evaluate(theta, iteration[0]++));
      probe.awaitJobs(repetitions);
      metrics = probe.averages(repetitions);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      probe.detach(jsc.sc());
    }
    Timing emptyJob = Timing.measure(warmup, repetitions,
        () -> data.blocks().foreachPartition(blocks -> { }));
    Timing emptyRunJob = Timing.measure(warmup, repetitions, () -> jsc.sc().runJob(
        data.blocks().rdd(), new Nothing(), scala.reflect.ClassTag$.MODULE$.apply(Integer.class)));
    Timing release = Timing.measure(warmup, repetitions,
        () -> jsc.broadcast(theta.clone()).destroy());
    Timing blockingRelease = Timing.measure(warmup, repetitions, () -> {
      Broadcast<double[]> b = jsc.broadcast(theta.clone());
      b.destroy(true);
    });
    return new Pieces(evaluate, metrics, emptyJob, emptyRunJob, release, blockingRelease);
  }

  /**
   * The evaluator as it is (first line) and each variant, timed in turns; batch when
   * {@code batchFraction} is null.
   */
  static List<Line> variants(TrainingData data, int treeDepth, Double batchFraction,
      List<PrototypeEvaluator.Variant> variants, int warmup, int repetitions) {
    List<String> names = new ArrayList<>();
    List<CostFunction> candidates = new ArrayList<>();
    names.add("evaluator (engine.LeastSquaresLoss)");
    candidates.add(new LeastSquaresLoss(data, treeDepth, batchFraction, 1, 0));
    for (PrototypeEvaluator.Variant v : variants) {
      names.add(v.name());
      candidates.add(new PrototypeEvaluator(data, v, batchFraction, 1));
    }
    double[] theta = BenchRun.THETA;
    List<java.util.function.LongConsumer> operations = new ArrayList<>();
    candidates.forEach(c -> operations.add(round -> c.evaluate(theta, round)));
    List<Timing> timings = Turns.measure(operations, warmup, repetitions);
    long iteration = warmup + repetitions;
    // The same iteration number draws the same mini-batch, so results compare exactly.
    Evaluation reference = candidates.get(0).evaluate(theta, iteration);
    List<Line> lines = new ArrayList<>();
    for (int c = 0; c < candidates.size(); c++) {
      double difference = c == 0 ? 0
          : difference(reference, candidates.get(c).evaluate(theta, iteration));
      lines.add(new Line(names.get(c), timings.get(c), difference));
      if (candidates.get(c) instanceof PrototypeEvaluator p) {
        p.close();
      }
    }
    return lines;
  }

  /**
   * Largest relative difference of the costs, and of the gradients' entries relative to the
   * largest entry (an entry near 0 has no meaningful relative error of its own).
   */
  static double difference(Evaluation a, Evaluation b) {
    if (a.rows() != b.rows()) {
      return Double.POSITIVE_INFINITY;
    }
    double scale = 0;
    double largest = 0;
    for (int j = 0; j < a.gradient().length; j++) {
      scale = Math.max(scale, Math.max(Math.abs(a.gradient()[j]), Math.abs(b.gradient()[j])));
      largest = Math.max(largest, Math.abs(a.gradient()[j] - b.gradient()[j]));
    }
    double costScale = Math.max(Math.abs(a.cost()), Math.abs(b.cost()));
    double cost = costScale == 0 ? 0 : Math.abs(a.cost() - b.cost()) / costScale;
    return Math.max(cost, scale == 0 ? 0 : largest / scale);
  }
}
