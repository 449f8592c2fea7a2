package org.sparkgd.ml;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.regression.Regressor;
import org.sparkgd.config.Choices;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.FitOption;
import org.sparkgd.config.Mode;

/**
 * The loop's Params of {@link GradientDescentRegressor} (rate, iterations, stop rule, mode,
 * seed, aggregation), as Spark ML's {@code LinearRegressionParams} are for its estimator: each
 * declared once, with its default from {@link DescentOptions#DEFAULTS}, that is from the
 * options' declaration ({@link FitOption}, which names each Param; a test holds them to it).
 */
abstract class DescentLoopParams
    extends Regressor<Vector, GradientDescentRegressor, GradientDescentRegressionModel> {
  private static final long serialVersionUID = 1L;

  private final DoubleParam learningRate;
  private final IntParam maxIter;
  private final DoubleParam tol;
  private final Param<String> mode;
  private final DoubleParam batchFraction;
  private final LongParam seed;
  private final DoubleParam divergenceFactor;
  private final IntParam aggregationDepth;

  /** Runs while the subclass's uid is pending ({@link PendingUid}). */
  DescentLoopParams() {
    learningRate = new DoubleParam(this, "learningRate",
        "step size α in θ ← θ − α·d, on the standardized scale; 0: auto, as the CLI's "
            + "--learning-rate auto (>= 0)", ParamValidators.gtEq(0));
    maxIter = new IntParam(this, "maxIter", "most updates to make (>= 0)",
        ParamValidators.gtEq(0));
    tol = new DoubleParam(this, "tol", FitOption.TOLERANCE.help() + " (>= 0)",
        ParamValidators.gtEq(0));
    mode = new Param<>(this, "mode", "batch (all rows every iteration) or minibatch (a fresh "
        + "sample of batchFraction of the rows every iteration)",
        ParamValidators.inArray(Choices.words(Mode.class)));
    batchFraction = new DoubleParam(this, "batchFraction",
        "expected fraction of rows in each mini-batch, in (0, 1]",
        ParamValidators.inRange(0, 1, false, true));
    seed = new LongParam(this, "seed", "seed of the mini-batch sampling");
    divergenceFactor = new DoubleParam(this, "divergenceFactor",
        "stop as diverged when the cost exceeds this multiple of the first cost (> 1)",
        ParamValidators.gt(1));
    aggregationDepth = new IntParam(this, "aggregationDepth",
        "depth of the treeAggregate of the partial sums (>= 1; 0: auto)", ParamValidators.gtEq(0));
    // The defaults of sparkgd fit: the one table. Auto (no rate) is learningRate 0.
    DescentOptions d = DescentOptions.DEFAULTS;
    setDefault(learningRate, d.autoLearningRate() ? 0.0 : d.learningRates().get(0));
    setDefault(maxIter, Math.toIntExact(d.maxIterations()));
    setDefault(tol, d.tolerance());
    setDefault(mode, Choices.word(d.mode()));
    setDefault(batchFraction, d.batchFraction());
    setDefault(seed, d.seed());
    setDefault(divergenceFactor, d.divergenceFactor());
    setDefault(aggregationDepth, d.treeDepth());
  }

  public DoubleParam learningRate() {
    return learningRate;
  }

  public IntParam maxIter() {
    return maxIter;
  }

  public DoubleParam tol() {
    return tol;
  }

  public Param<String> mode() {
    return mode;
  }

  public DoubleParam batchFraction() {
    return batchFraction;
  }

  public LongParam seed() {
    return seed;
  }

  public DoubleParam divergenceFactor() {
    return divergenceFactor;
  }

  public IntParam aggregationDepth() {
    return aggregationDepth;
  }

  public double getLearningRate() {
    return (Double) getOrDefault(learningRate);
  }

  public int getMaxIter() {
    return (Integer) getOrDefault(maxIter);
  }

  public double getTol() {
    return (Double) getOrDefault(tol);
  }

  public String getMode() {
    return getOrDefault(mode);
  }

  public double getBatchFraction() {
    return (Double) getOrDefault(batchFraction);
  }

  public long getSeed() {
    return (Long) getOrDefault(seed);
  }

  public double getDivergenceFactor() {
    return (Double) getOrDefault(divergenceFactor);
  }

  public int getAggregationDepth() {
    return (Integer) getOrDefault(aggregationDepth);
  }

  public GradientDescentRegressor setLearningRate(double value) {
    set(learningRate, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setMaxIter(int value) {
    set(maxIter, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setTol(double value) {
    set(tol, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setMode(String value) {
    set(mode, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setBatchFraction(double value) {
    set(batchFraction, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setSeed(long value) {
    set(seed, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setDivergenceFactor(double value) {
    set(divergenceFactor, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setAggregationDepth(int value) {
    set(aggregationDepth, value);
    return (GradientDescentRegressor) this;
  }
}
