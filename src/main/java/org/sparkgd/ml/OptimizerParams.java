package org.sparkgd.ml;

import java.util.List;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.sparkgd.config.Choices;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;

/**
 * The optimizer's Params of {@link GradientDescentRegressor} (penalty, solver, step, update,
 * schedule), with their defaults from {@link DescentOptions#DEFAULTS}, and all Params turned into
 * the descent's options ({@link #descentOptions}).
 */
abstract class OptimizerParams extends DescentLoopParams {
  private static final long serialVersionUID = 1L;

  private final DoubleParam regParam;
  private final DoubleParam elasticNetParam;
  private final Param<String> solver;
  private final Param<String> step;
  private final Param<String> update;
  private final Param<String> schedule;

  /** Runs while the subclass's uid is pending ({@link PendingUid}). */
  OptimizerParams() {
    regParam = new DoubleParam(this, "regParam", "λ of the elastic-net penalty on the "
        + "standardized coefficients (>= 0; 0: none)", ParamValidators.gtEq(0));
    elasticNetParam = new DoubleParam(this, "elasticNetParam", "the penalty's L1 share a: "
        + "λ·(a‖w‖₁ + (1−a)/2‖w‖²), in [0, 1] (0: ridge, 1: lasso)",
        ParamValidators.inRange(0, 1));
    solver = new Param<>(this, "solver", "gd (gradient descent) or normal (the exact "
        + "normal equations; no L1)",
        ParamValidators.inArray(Choices.words(OptimizerKinds.Solver.class)));
    step = new Param<>(this, "step", "schedule, line-search, backtracking or "
        + "conjugate-gradient", ParamValidators.inArray(
            Choices.words(OptimizerKinds.Step.class)));
    update = new Param<>(this, "update", "plain, momentum, nesterov or adam",
        ParamValidators.inArray(Choices.words(OptimizerKinds.Update.class)));
    schedule = new Param<>(this, "schedule",
        "constant, inverse-sqrt, inverse-scaling, step or adaptive", ParamValidators.inArray(
            Choices.words(OptimizerKinds.Schedule.class)));
    // elasticNetParam 0 is Spark ML's ridge: the penalty applies once regParam > 0.
    DescentOptions d = DescentOptions.DEFAULTS;
    setDefault(regParam, d.lambda());
    setDefault(elasticNetParam, 0.0);
    setDefault(solver, Choices.word(d.solver()));
    setDefault(step, Choices.word(d.step()));
    setDefault(update, Choices.word(d.updates().get(0)));
    setDefault(schedule, Choices.word(d.schedule()));
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
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setElasticNetParam(double value) {
    set(elasticNetParam, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setSolver(String value) {
    set(solver, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setStep(String value) {
    set(step, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setUpdate(String value) {
    set(update, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setSchedule(String value) {
    set(schedule, value);
    return (GradientDescentRegressor) this;
  }

  /**
   * The Params as the options of the shared descent; the finer knobs (momentum, Adam's betas,
   * the line-search steps, …) keep the command line's defaults.
   */
  DescentOptions descentOptions() {
    double lambda = (Double) getOrDefault(regParam);
    double ratio = (Double) getOrDefault(elasticNetParam);
    OptimizerKinds.PenaltyKind penalty = lambda == 0 ? OptimizerKinds.PenaltyKind.NONE
        : ratio == 0 ? OptimizerKinds.PenaltyKind.L2 : ratio == 1 ? OptimizerKinds.PenaltyKind.L1
        : OptimizerKinds.PenaltyKind.ELASTIC_NET;
    double rate = getLearningRate();
    return DescentOptions.builder()
        .mode(choice(Mode.class, mode())).batchFraction(getBatchFraction())
        .learningRates(rate == 0 ? List.of() : List.of(rate))
        .schedule(choice(OptimizerKinds.Schedule.class, schedule))
        .step(choice(OptimizerKinds.Step.class, step))
        .updates(List.of(choice(OptimizerKinds.Update.class, update)))
        .penalty(penalty).lambda(lambda).l1Ratio(ratio)
        .solver(choice(OptimizerKinds.Solver.class, solver))
        .maxIterations(getMaxIter()).tolerance(getTol()).seed(getSeed())
        .divergenceFactor(getDivergenceFactor()).treeDepth(getAggregationDepth())
        .build();
  }

  private <E extends Enum<E>> E choice(Class<E> type, Param<String> param) {
    return Choices.parse(param.name(), getOrDefault(param), type);
  }

}
