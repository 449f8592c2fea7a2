package org.sparkgd.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.junit.jupiter.api.Test;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.FitOption;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.config.OptionValues;

/**
 * The estimator's Params against the options' one declaration ({@link FitOption}): each Param
 * declared there exists under that name, and the estimator's defaults are the declared ones.
 */
class MlParamsAgreeTest {
  @Test
  void eachDeclaredParamExistsWithADefault() {
    GradientDescentRegressor regressor = new GradientDescentRegressor();
    int declared = 0;
    for (FitOption option : FitOption.values()) {
      if (option.mlParam() != null) {
        declared++;
        assertTrue(regressor.hasParam(option.mlParam()), option.flag() + " is the Param "
            + option.mlParam());
        Param<?> param = regressor.getParam(option.mlParam());
        assertTrue(regressor.hasDefault(param), option.mlParam() + " has a default");
      }
    }
    assertEquals(14, declared, "the Params that mirror an option of sparkgd fit");
  }

  /**
   * An estimator left at its defaults runs the declared defaults, except elasticNetParam: 0 as
   * in Spark's own LinearRegression (the penalty is none until regParam is set anyway).
   */
  @Test
  void theEstimatorsDefaultsAreTheDeclaredOnes() {
    DescentOptions expected = DescentOptions.DEFAULTS.toBuilder().l1Ratio(0).build();
    assertEquals(expected, new GradientDescentRegressor().descentOptions());
  }

  /** Each declared Param, set alone, reaches the option it is declared for. */
  @Test
  @SuppressWarnings("unchecked")
  void eachDeclaredParamSetsItsOption() {
    Map<FitOption, List<Object>> cases = Map.ofEntries(
        Map.entry(FitOption.MODE, List.of("minibatch", Mode.MINIBATCH)),
        Map.entry(FitOption.BATCH_FRACTION, List.of(0.3, 0.3)),
        Map.entry(FitOption.LEARNING_RATE, List.of(0.05, List.of(0.05))),
        Map.entry(FitOption.SCHEDULE, List.of("step", OptimizerKinds.Schedule.STEP)),
        Map.entry(FitOption.STEP, List.of("line-search", OptimizerKinds.Step.LINE_SEARCH)),
        Map.entry(FitOption.UPDATE, List.of("adam", List.of(OptimizerKinds.Update.ADAM))),
        Map.entry(FitOption.LAMBDA, List.of(0.2, 0.2)),
        Map.entry(FitOption.L1_RATIO, List.of(0.25, 0.25)),
        Map.entry(FitOption.SOLVER, List.of("normal", OptimizerKinds.Solver.NORMAL)),
        Map.entry(FitOption.MAX_ITERATIONS, List.of(7, 7L)),
        Map.entry(FitOption.TOLERANCE, List.of(1e-4, 1e-4)),
        Map.entry(FitOption.SEED, List.of(5L, 5L)),
        Map.entry(FitOption.DIVERGENCE_FACTOR, List.of(9.0, 9.0)),
        Map.entry(FitOption.TREE_DEPTH, List.of(2, 2)));
    for (FitOption option : FitOption.values()) {
      if (option.mlParam() == null) {
        continue;
      }
      List<Object> c = cases.get(option);
      assertTrue(c != null, option.flag() + " has a case here");
      GradientDescentRegressor r = new GradientDescentRegressor();
      r.set((Param<Object>) r.getParam(option.mlParam()), c.get(0));
      OptionValues values = r.descentOptions().values();
      assertEquals(c.get(1), values.get(option), option.mlParam() + " sets " + option.flag());
    }
  }
}
