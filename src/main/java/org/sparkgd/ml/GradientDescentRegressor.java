package org.sparkgd.ml;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.regression.Regressor;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sparkgd.job.FitJob;
import org.sparkgd.model.FitResult;
import org.sparkgd.UserError;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.data.TrainingData;

/**
 * Linear regression by batch or mini-batch gradient descent, as a Spark ML {@code Estimator}:
 * put it in a {@code Pipeline} after a {@code VectorAssembler}. Every fitting option of
 * {@code sparkgd fit} is a Param with the same default. {@link #fit} standardizes the rows,
 * caches them as packed blocks and runs the very code the command line runs
 * ({@link FitJob#fit}), so both give the same coefficients on the same rows.
 */
public final class GradientDescentRegressor
    extends Regressor<Vector, GradientDescentRegressor, GradientDescentRegressionModel>
    implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final DoubleParam learningRate;
  private final IntParam maxIter;
  private final DoubleParam tol;
  private final Param<String> mode;
  private final DoubleParam batchFraction;
  private final LongParam seed;
  private final DoubleParam divergenceFactor;
  private final IntParam aggregationDepth;
  private final DoubleParam regParam;
  private final DoubleParam elasticNetParam;
  private final Param<String> solver;
  private final Param<String> step;
  private final Param<String> update;
  private final Param<String> schedule;

  public GradientDescentRegressor() {
    this(Identifiable.randomUID("gdReg"));
  }

  public GradientDescentRegressor(String uid) {
    this(PendingUid.set(uid), uid);
  }

  private GradientDescentRegressor(Void pending, String uid) {
    this.uid = uid;
    PendingUid.clear();
    learningRate = new DoubleParam(this, "learningRate",
        "step size α in θ ← θ − α·d, on the standardized scale; 0: auto, the safe step 1/L of "
            + "the exact reference (>= 0)", ParamValidators.gtEq(0));
    maxIter = new IntParam(this, "maxIter", "most updates to make (>= 0)",
        ParamValidators.gtEq(0));
    tol = new DoubleParam(this, "tol", "stop when the relative change of the cost (batch) or "
        + "of θ (minibatch) is at most this; 0 disables it (>= 0)", ParamValidators.gtEq(0));
    mode = new Param<>(this, "mode", "batch (all rows every iteration) or minibatch (a fresh "
        + "sample of batchFraction of the rows every iteration)",
        ParamValidators.inArray(new String[] {"batch", "minibatch"}));
    batchFraction = new DoubleParam(this, "batchFraction",
        "expected fraction of rows in each mini-batch, in (0, 1]",
        ParamValidators.inRange(0, 1, false, true));
    seed = new LongParam(this, "seed", "seed of the mini-batch sampling");
    divergenceFactor = new DoubleParam(this, "divergenceFactor",
        "stop as diverged when the cost exceeds this multiple of the first cost (> 1)",
        ParamValidators.gt(1));
    aggregationDepth = new IntParam(this, "aggregationDepth",
        "depth of the treeAggregate of the partial sums (>= 1)", ParamValidators.gtEq(1));
    regParam = new DoubleParam(this, "regParam", "λ of the elastic-net penalty on the "
        + "standardized coefficients (>= 0; 0: none)", ParamValidators.gtEq(0));
    elasticNetParam = new DoubleParam(this, "elasticNetParam", "the penalty's L1 share a: "
        + "λ·(a‖w‖₁ + (1−a)/2‖w‖²), in [0, 1] (0: ridge, 1: lasso)",
        ParamValidators.inRange(0, 1));
    solver = new Param<>(this, "solver", "gd (gradient descent) or normal (the exact "
        + "normal equations; no L1)", ParamValidators.inArray(new String[] {"gd", "normal"}));
    step = new Param<>(this, "step", "schedule, line-search, backtracking or "
        + "conjugate-gradient", ParamValidators.inArray(new String[] {"schedule", "line-search",
            "backtracking", "conjugate-gradient"}));
    update = new Param<>(this, "update", "plain, momentum, nesterov or adam",
        ParamValidators.inArray(new String[] {"plain", "momentum", "nesterov", "adam"}));
    schedule = new Param<>(this, "schedule",
        "constant, inverse-sqrt, inverse-scaling, step or adaptive", ParamValidators.inArray(
            new String[] {"constant", "inverse-sqrt", "inverse-scaling", "step", "adaptive"}));
    // The defaults of sparkgd fit (conf/sparkgd.properties).
    setDefault(learningRate, 0.0);
    setDefault(regParam, 0.0);
    setDefault(elasticNetParam, 0.0);
    setDefault(solver, "gd");
    setDefault(step, "schedule");
    setDefault(update, "plain");
    setDefault(schedule, "constant");
    setDefault(maxIter, 1000);
    setDefault(tol, 1e-12);
    setDefault(mode, "batch");
    setDefault(batchFraction, 0.1);
    setDefault(seed, 42L);
    setDefault(divergenceFactor, 100.0);
    setDefault(aggregationDepth, 2);
  }

  @Override
  public String uid() {
    return PendingUid.or(uid);
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
    return this;
  }

  public GradientDescentRegressor setMaxIter(int value) {
    set(maxIter, value);
    return this;
  }

  public GradientDescentRegressor setTol(double value) {
    set(tol, value);
    return this;
  }

  public GradientDescentRegressor setMode(String value) {
    set(mode, value);
    return this;
  }

  public GradientDescentRegressor setBatchFraction(double value) {
    set(batchFraction, value);
    return this;
  }

  public GradientDescentRegressor setSeed(long value) {
    set(seed, value);
    return this;
  }

  public GradientDescentRegressor setDivergenceFactor(double value) {
    set(divergenceFactor, value);
    return this;
  }

  public GradientDescentRegressor setAggregationDepth(int value) {
    set(aggregationDepth, value);
    return this;
  }

  public DoubleParam regParam() {
    return regParam;
  }

  public DoubleParam elasticNetParam() {
    return elasticNetParam;
  }

  public Param<String> solver() {
    return solver;
  }

  public Param<String> step() {
    return step;
  }

  public Param<String> update() {
    return update;
  }

  public Param<String> schedule() {
    return schedule;
  }

  public GradientDescentRegressor setRegParam(double value) {
    set(regParam, value);
    return this;
  }

  public GradientDescentRegressor setElasticNetParam(double value) {
    set(elasticNetParam, value);
    return this;
  }

  public GradientDescentRegressor setSolver(String value) {
    set(solver, value);
    return this;
  }

  public GradientDescentRegressor setStep(String value) {
    set(step, value);
    return this;
  }

  public GradientDescentRegressor setUpdate(String value) {
    set(update, value);
    return this;
  }

  public GradientDescentRegressor setSchedule(String value) {
    set(schedule, value);
    return this;
  }

  /**
   * The Params as the options of the shared descent; the finer knobs (momentum, Adam's betas,
   * the line-search steps, …) keep the command line's defaults.
   */
  DescentOptions descentOptions() {
    DescentOptions d = DescentOptions.defaults();
    double lambda = (Double) getOrDefault(regParam);
    double ratio = (Double) getOrDefault(elasticNetParam);
    OptimizerKinds.PenaltyKind penalty = lambda == 0 ? OptimizerKinds.PenaltyKind.NONE
        : ratio == 0 ? OptimizerKinds.PenaltyKind.L2 : ratio == 1 ? OptimizerKinds.PenaltyKind.L1
        : OptimizerKinds.PenaltyKind.ELASTIC_NET;
    double rate = getLearningRate();
    return new DescentOptions(Mode.valueOf(getMode().toUpperCase()), getBatchFraction(),
        rate == 0 ? List.of() : List.of(rate), kind(OptimizerKinds.Schedule.class, schedule),
        d.powerT(), d.decayFactor(), d.decayEvery(), d.adaptiveFactor(), d.patience(),
        kind(OptimizerKinds.Step.class, step), d.lineSearchSteps(),
        List.of(kind(OptimizerKinds.Update.class, update)), d.momentum(), d.adamBeta1(),
        d.adamBeta2(), d.adamEpsilon(), penalty, lambda, ratio,
        kind(OptimizerKinds.Solver.class, solver), d.reference(), false,
        d.gradientCheckTolerance(), getMaxIter(), getTol(), getSeed(), getDivergenceFactor(),
        getAggregationDepth());
  }

  private <E extends Enum<E>> E kind(Class<E> type, Param<String> param) {
    return Enum.valueOf(type, getOrDefault(param).toUpperCase().replace('-', '_'));
  }

  @Override
  public GradientDescentRegressionModel train(Dataset<?> dataset) {
    String featuresCol = getFeaturesCol();
    AttributeGroup group = AttributeGroup.fromStructField(dataset.schema().apply(featuresCol));
    int numFeatures = group.size() >= 0 ? group.size() : firstVectorSize(dataset, featuresCol);
    List<String> names = featureNames(group, numFeatures, featuresCol);
    try (TrainingData data = TrainingData.fromRaw(
        VectorBlocks.read(dataset, featuresCol, getLabelCol(), numFeatures), names,
        getLabelCol(), "the training rows (column '" + featuresCol + "')")) {
      FitResult fit = FitJob.fit(data, getLabelCol(), names, descentOptions());
      return new GradientDescentRegressionModel(uid, fit.model(), fit.result().stopReason(),
          fit.result().updates(), fit.training(), fit.result().history());
    }
  }

  /** Without ML attributes in the schema, the size of the first row's vector. */
  private static int firstVectorSize(Dataset<?> dataset, String featuresCol) {
    List<Row> first = dataset.select(featuresCol).where(col(featuresCol).isNotNull()).limit(1)
        .collectAsList();
    if (first.isEmpty()) {
      throw new UserError("the training rows: no data rows");
    }
    return ((Vector) first.get(0).get(0)).size();
  }

  /**
   * The names a {@code VectorAssembler} gave the vector's entries (its input columns), else
   * {@code features[0]}, {@code features[1]}, ….
   */
  private static List<String> featureNames(AttributeGroup group, int numFeatures,
      String featuresCol) {
    List<String> names = new ArrayList<>();
    Attribute[] attributes = group.attributes().isDefined() ? group.attributes().get() : null;
    for (int j = 0; j < numFeatures; j++) {
      boolean named = attributes != null && attributes[j].name().isDefined();
      names.add(named ? attributes[j].name().get() : featuresCol + "[" + j + "]");
    }
    return names;
  }

  @Override
  public GradientDescentRegressor copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<GradientDescentRegressor> read() {
    return new DefaultParamsReader<>();
  }

  public static GradientDescentRegressor load(String path) {
    return read().load(path);
  }
}
