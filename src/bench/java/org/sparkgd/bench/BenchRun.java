package org.sparkgd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.optim.CostFunction;
import org.sparkgd.optim.Evaluation;

/** Runs the selected parts of the benchmark in one session and collects what they measured. */
final class BenchRun {
  private static final Logger LOG = LoggerFactory.getLogger(BenchRun.class);

  /** The θ every timed evaluation is at (intercept, then the three coefficients). */
  static final double[] THETA = {0.1, 0.2, 0.3, 0.4};
  private static final long SEED = 1;

  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final BenchSettings settings;
  private final Results results = new Results();

  private BenchRun(SparkSession spark, BenchSettings settings) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.settings = settings;
  }

  static Results run(SparkSession spark, BenchSettings settings) {
    return new BenchRun(spark, settings).run();
  }

  private Results run() {
    results.machine = Machine.describe();
    results.sparkVersion = spark.version();
    results.master = spark.sparkContext().master();
    results.started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    results.loadBefore = Machine.loadAverage();
    results.rows = settings.rows();
    results.threads = jsc.defaultParallelism();
    results.partitions = settings.partitions() > 0 ? settings.partitions()
        : jsc.defaultParallelism();
    if (settings.parts().stream().anyMatch(p -> p != Part.END_TO_END && p != Part.PROCESSES
        && p != Part.WIDTH && p != Part.INGEST)) {
      long start = System.nanoTime();
      try (TrainingData data = GeneratedData.load(jsc, settings.rows(), results.partitions,
          settings.seed())) {
        results.dataSeconds = (System.nanoTime() - start) / 1e9;
        results.numFeatures = data.numFeatures();
        LOG.info("{} rows generated and cached in {} partitions in {} s", data.rows(),
            results.partitions, String.format("%.1f", results.dataSeconds));
        onCachedData(data);
      }
    }
    if (settings.runs(Part.END_TO_END)) {
      endToEnd();
    }
    if (settings.runs(Part.WIDTH)) {
      BenchSettings.WidthSettings w = settings.width();
      results.width = WidthSweep.run(jsc, w.cells(), w.widths(), results.partitions,
          settings.seed(), settings.treeDepth(), settings.warmup(), settings.repetitions());
      results.width.forEach(l -> LOG.info(String.format("width %d: pass %.2f ms, roofline "
          + "%.2f ms (%.2fx), loop %.2f ms", l.features(), l.pass().median(),
          l.roofline().median(), l.ratio(), l.loop().median())));
    }
    if (settings.runs(Part.PROCESSES)) {
      processes();
    }
    if (settings.runs(Part.INGEST)) {
      ingest();
    }
    results.loadAfter = Machine.loadAverage();
    return results;
  }

  private void onCachedData(TrainingData data) {
    iterationTimes(data);
    if (settings.runs(Part.STORAGE)) {
      results.sparkgdBytes = CachedBytes.of(jsc.sc(), data.blocks().id());
    }
    if (settings.runs(Part.BREAKDOWN)) {
      breakdown(data);
    }
    if (settings.runs(Part.MEMORY)) {
      memory(data);
    }
    if (settings.runs(Part.MLLIB_SGD) || settings.runs(Part.MLLIB_LR)
        || settings.runs(Part.STORAGE)) {
      try (MllibReference mllib = new MllibReference(data)) {
        mllib(mllib);
      }
    }
  }

  /** sparkgd's iterations and the roofline loop, timed in turns so that their ratios hold. */
  private void iterationTimes(TrainingData data) {
    boolean roofline = settings.runs(Part.ROOFLINE) || settings.runs(Part.BREAKDOWN);
    List<LongConsumer> operations = new ArrayList<>();
    if (settings.runs(Part.BATCH)) {
      operations.add(evaluations(data, null));
    }
    if (settings.runs(Part.MINIBATCH)) {
      operations.add(evaluations(data, 0.1));
      operations.add(evaluations(data, 0.01));
    }
    try (Roofline loop = roofline ? Roofline.over(data, results.threads) : null) {
      if (loop != null) {
        operations.add(round -> loop.pass(THETA));
        results.rooflineDifference = rooflineDifference(data, loop);
      }
      if (operations.isEmpty()) {
        return;
      }
      List<Timing> timings = Turns.measure(operations, settings.warmup(),
          settings.repetitions());
      int next = 0;
      if (settings.runs(Part.BATCH)) {
        results.batch = timings.get(next++);
        log("sparkgd batch iteration", results.batch, "ms");
      }
      if (settings.runs(Part.MINIBATCH)) {
        results.miniBatchTenth = timings.get(next++);
        log("sparkgd mini-batch 0.1 iteration", results.miniBatchTenth, "ms");
        results.miniBatchHundredth = timings.get(next++);
        log("sparkgd mini-batch 0.01 iteration", results.miniBatchHundredth, "ms");
      }
      if (loop != null) {
        results.roofline = timings.get(next);
        log("roofline loop (" + loop.threads() + " threads)", results.roofline, "ms");
      }
    }
  }

  /** One evaluation per call, the round's number as the iteration (which draws the sample). */
  private LongConsumer evaluations(TrainingData data, Double fraction) {
    CostFunction evaluator = new LeastSquaresLoss(data, settings.treeDepth(), fraction,
        SEED, 0);
    return round -> evaluator.evaluate(THETA, round);
  }

  /** How far the roofline loop's cost and gradient are from the evaluator's. */
  private double rooflineDifference(TrainingData data, Roofline loop) {
    double[] sums = loop.pass(THETA);
    Evaluation evaluation = new LeastSquaresLoss(data, settings.treeDepth(), null, SEED,
        0).evaluate(THETA, 0);
    double[] gradient = new double[sums.length - 1];
    for (int j = 0; j < gradient.length; j++) {
      gradient[j] = 2 * sums[j + 1] / loop.rows();
    }
    return Breakdown.difference(evaluation,
        new Evaluation(sums[0] / loop.rows(), gradient, loop.rows()));
  }

  private void mllib(MllibReference mllib) {
    if (settings.runs(Part.STORAGE)) {
      results.mllibBytes = CachedBytes.of(jsc.sc(), mllib.pairs().id());
    }
    if (settings.runs(Part.MLLIB_SGD)) {
      int warmup = Math.min(settings.warmup(), 1);
      results.sgdFull = mllib.sgdIteration(1.0, settings.sgdShortRun(), settings.sgdLongRun(),
          warmup, settings.repetitions());
      log("MLlib runMiniBatchSGD 1.0 iteration", results.sgdFull, "ms");
      results.sgdHundredth = mllib.sgdIteration(0.01, settings.sgdShortRun(),
          settings.sgdLongRun(), warmup, settings.repetitions());
      log("MLlib runMiniBatchSGD 0.01 iteration", results.sgdHundredth, "ms");
    }
    if (settings.runs(Part.MLLIB_LR)) {
      int warmup = Math.min(settings.warmup(), 1);
      LinearRegressionModel[] model = new LinearRegressionModel[1];
      results.lbfgsFit = mllib.linearRegressionFit(spark, "l-bfgs",
          settings.endToEndTolerance(), warmup, settings.fitRepetitions(), model).scaled(1e-3);
      results.lbfgsIterations = model[0].summary().totalIterations();
      log("MLlib LinearRegression l-bfgs fit", results.lbfgsFit, "s");
      results.normalFit = mllib.linearRegressionFit(spark, "normal", 0, warmup,
          settings.fitRepetitions(), model).scaled(1e-3);
      log("MLlib LinearRegression normal fit", results.normalFit, "s");
    }
  }

  private void breakdown(TrainingData data) {
    results.pieces = Breakdown.pieces(data, settings.treeDepth(), settings.warmup(),
        settings.repetitions());
    results.batchVariants = Breakdown.variants(data, settings.treeDepth(), null,
        batchVariants(), settings.warmup(), settings.repetitions());
    results.batchVariants.forEach(l -> log("batch: " + l.name(), l.timing(), "ms"));
    results.miniBatchVariants = Breakdown.variants(data, settings.treeDepth(), 0.01,
        miniBatchVariants(), settings.warmup(), settings.repetitions());
    results.miniBatchVariants.forEach(l -> log("mini-batch 0.01: " + l.name(), l.timing(), "ms"));
  }

  private List<PrototypeEvaluator.Variant> batchVariants() {
    PrototypeEvaluator.Variant asIs = PrototypeEvaluator.Variant.asIs(settings.treeDepth());
    List<PrototypeEvaluator.Variant> variants = new ArrayList<>();
    variants.add(asIs.named("scratch copy, as the evaluator is"));
    variants.add(asIs.with(PrototypeEvaluator.ThetaDelivery.BROADCAST_BLOCKING_DESTROY)
        .named("destroy(true): wait for the release"));
    variants.add(asIs.with(PrototypeEvaluator.ThetaDelivery.BROADCAST_ASYNC_DESTROY)
        .named("destroy() on a background thread"));
    variants.add(asIs.with(PrototypeEvaluator.ThetaDelivery.IN_TASK)
        .named("θ in the task, no broadcast"));
    variants.add(asIs.with(PrototypeEvaluator.Aggregation.TREE_AGGREGATE_NAMED)
        .named("treeAggregate with named Scala functions, not Java lambdas"));
    variants.add(asIs.with(PrototypeEvaluator.Aggregation.AGGREGATE)
        .named("aggregate instead of treeAggregate"));
    variants.add(asIs.with(PrototypeEvaluator.Aggregation.RUN_JOB)
        .named("SparkContext.runJob with a named function, merged on the driver"));
    if (results.partitions > results.threads) {
      variants.add(asIs.coalescedTo(results.threads)
          .named("coalesce to " + results.threads + " tasks"));
    }
    variants.add(asIs.withGenericLoop().named("the loop before: an inner loop over an unknown d"));
    variants.add(combined().named("all of: θ in the task, runJob"
        + (results.partitions > results.threads ? ", coalesce" : "")));
    return variants;
  }

  private List<PrototypeEvaluator.Variant> miniBatchVariants() {
    PrototypeEvaluator.Variant asIs = PrototypeEvaluator.Variant.asIs(settings.treeDepth());
    return List.of(asIs.named("scratch copy, as the evaluator is"),
        asIs.with(PrototypeEvaluator.ThetaDelivery.IN_TASK).named("θ in the task, no broadcast"),
        asIs.with(PrototypeEvaluator.Aggregation.TREE_AGGREGATE_NAMED)
            .named("treeAggregate with named Scala functions, not Java lambdas"),
        asIs.with(PrototypeEvaluator.Aggregation.RUN_JOB)
            .named("SparkContext.runJob with a named function, merged on the driver"),
        combined().named("all of: θ in the task, runJob"
            + (results.partitions > results.threads ? ", coalesce" : "")));
  }

  /** θ in the task, runJob, one task per core. */
  private PrototypeEvaluator.Variant combined() {
    return new PrototypeEvaluator.Variant("combined", PrototypeEvaluator.ThetaDelivery.IN_TASK,
        PrototypeEvaluator.Aggregation.RUN_JOB, 1,
        results.partitions > results.threads ? results.threads : 0, false);
  }

  private void memory(TrainingData data) {
    long n = settings.memoryIterations();
    results.memory.add(MemoryGrowth.measure("evaluator (engine.LeastSquaresLoss)",
        new LeastSquaresLoss(data, settings.treeDepth(), null, SEED, 0), n));
    try (PrototypeEvaluator inTask = new PrototypeEvaluator(data, combined(), null, SEED)) {
      results.memory.add(MemoryGrowth.measure("variant: θ in the task, runJob", inTask,
          n));
    }
    results.memory.forEach(m -> LOG.info("memory, {}: {} iterations, heap {} -> {} -> {} MiB, "
        + "broadcast blocks {} -> {} -> {}", m.evaluator(), m.iterations(),
        m.start().heapBytes() >> 20, m.middle().heapBytes() >> 20, m.end().heapBytes() >> 20,
        m.start().broadcastBlocks(), m.middle().broadcastBlocks(), m.end().broadcastBlocks()));
  }

  private void endToEnd() {
    try {
      Path scratch = Files.createTempDirectory(settings.scratch(), "sparkgd-bench-");
      int warmup = Math.min(settings.warmup(), 1);
      results.endToEnd = EndToEnd.run(spark, scratch, settings.endToEndRowsOrDefault(),
          settings.seed(), settings.endToEndTolerance(), warmup,
          settings.fitRepetitions());
      log("end to end, sparkgd", results.endToEnd.sparkgd().seconds(), "s");
      log("end to end, ml.LinearRegression l-bfgs", results.endToEnd.linearRegression().seconds(),
          "s");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void ingest() {
    try {
      results.ingest = Ingest.run(settings.processes(), settings.scratch());
      results.ingest.forEach(r -> LOG.info(String.format("ingest %,d %s: sparkgd %.2f s, Spark "
          + "%.2f s, ratio %.2f", r.rows(), r.format(), r.sparkgd(), r.spark(), r.ratio())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void processes() {
    BenchSettings.ProcessSettings p = settings.processes();
    try {
      results.processes = FreshProcesses.run(spark, p, settings.scratch(),
          settings.repetitions());
      results.processes.fits().forEach(f -> LOG.info(String.format(
          "process %s: median %.1f ms, p90 %.1f ms an iteration; wall %.1f s %s", f.label(),
          f.median(p.iterations()), f.p90(p.iterations()), f.wallSeconds(), f.phases())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void log(String what, Timing t, String unit) {
    LOG.info(String.format("%s: median %.4g %s (min %.4g, max %.4g, %d repetitions)", what,
        t.median(), unit, t.min(), t.max(), t.repetitions()));
  }
}
