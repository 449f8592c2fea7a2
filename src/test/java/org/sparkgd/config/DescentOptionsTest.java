package org.sparkgd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkgd.UserError;

/** The options' one defaults table and their validation, without Spark. */
class DescentOptionsTest {
  private static String rejected(DescentOptions.Builder options) {
    UserError e = assertThrows(UserError.class, options::build);
    assertEquals(2, e.exitCode(), "a bad option is a usage error");
    return e.getMessage();
  }

  @Test
  void theDefaultsAreTheTutorialsBatchDescentWithAnAutoStep() {
    DescentOptions d = DescentOptions.DEFAULTS;
    assertEquals(Mode.BATCH, d.mode());
    assertTrue(d.autoLearningRate());
    assertEquals(1000, d.maxIterations());
    assertEquals(1e-12, d.tolerance());
    assertEquals(List.of(OptimizerKinds.Update.PLAIN), d.updates());
    assertEquals(d, d.toBuilder().build(), "a copy through the builder changes nothing");
    assertEquals(0.3, d.toBuilder().batchFraction(0.3).build().batchFraction());
  }

  @Test
  void eachBadOptionIsNamedInOneLine() {
    DescentOptions.Builder b = DescentOptions.builder();
    assertEquals("--batch-fraction must be in (0, 1], got 1.5",
        rejected(DescentOptions.builder().batchFraction(1.5)));
    assertEquals("--learning-rate must be positive numbers (or auto), got -0.1",
        rejected(DescentOptions.builder().learningRates(List.of(0.1, -0.1))));
    assertEquals("--penalty elastic-net needs --lambda > 0",
        rejected(b.penalty(OptimizerKinds.PenaltyKind.ELASTIC_NET)));
    assertEquals("--tree-depth must be ≥ 0 (0: auto), got -1",
        rejected(DescentOptions.builder().treeDepth(-1)));
    assertTrue(rejected(DescentOptions.builder().solver(OptimizerKinds.Solver.NORMAL)
        .penalty(OptimizerKinds.PenaltyKind.L1).lambda(0.1)).startsWith("--solver normal"));
    assertTrue(rejected(DescentOptions.builder().mode(Mode.MINIBATCH)
        .step(OptimizerKinds.Step.CONJUGATE_GRADIENT)).startsWith("--step conjugate-gradient"));
    assertTrue(rejected(DescentOptions.builder().step(OptimizerKinds.Step.LINE_SEARCH)
        .updates(List.of(OptimizerKinds.Update.ADAM))).startsWith("line search, backtracking"));
  }

  @Test
  void theAdaptiveScheduleIsAStepRuleOfItsOwn() {
    String message = rejected(DescentOptions.builder()
        .schedule(OptimizerKinds.Schedule.ADAPTIVE).step(OptimizerKinds.Step.LINE_SEARCH));
    assertEquals("--schedule adaptive chooses the step itself (improve or shrink): it goes with "
        + "--step schedule, not --step line-search", message);
  }

  @Test
  void choicesAreSpelledOneWay() {
    assertEquals("line-search", Choices.word(OptimizerKinds.Step.LINE_SEARCH));
    assertEquals(OptimizerKinds.Step.CONJUGATE_GRADIENT,
        Choices.parse("--step", "Conjugate-Gradient", OptimizerKinds.Step.class));
    UserError e = assertThrows(UserError.class,
        () -> Choices.parse("--update", "sgd", OptimizerKinds.Update.class));
    assertEquals("--update must be one of plain, momentum, nesterov, adam, got 'sgd'",
        e.getMessage());
  }

  @Test
  void defaultsAreSpeltAsTheCommandLineSpellsThem() {
    assertEquals("auto", FitOption.LEARNING_RATE.defaultText());
    assertEquals("1e-12", FitOption.TOLERANCE.defaultText());
    assertEquals("100,10,1,0.1,0.01,0.001,1e-4,1e-5", FitOption.LINE_SEARCH_STEPS.defaultText());
    assertEquals("0.999", FitOption.ADAM_BETA2.defaultText());
    assertEquals("plain", FitOption.UPDATE.defaultText());
    assertEquals("batch", FitOption.MODE.defaultText());
    assertEquals("--line-search-steps", FitOption.LINE_SEARCH_STEPS.flag());
  }

  /** Each declared rule refuses what it says, and names the option and the value. */
  @Test
  void eachValueIsCheckedByItsDeclaredRule() {
    assertEquals("--gradient-check-tolerance must be > 0, got 0.0",
        rejected(DescentOptions.builder().gradientCheckTolerance(0)));
    assertEquals("--tolerance must be ≥ 0 (0 disables it), got Infinity",
        rejected(DescentOptions.builder().tolerance(Double.POSITIVE_INFINITY)));
    assertEquals("--line-search-steps must be positive, got 0.0",
        rejected(DescentOptions.builder().lineSearchSteps(List.of(1.0, 0.0))));
    assertEquals("--decay-every must be ≥ 1, got 0",
        rejected(DescentOptions.builder().decayEvery(0)));
    assertEquals("--adaptive-factor must be in (0, 1), got 1.0",
        rejected(DescentOptions.builder().adaptiveFactor(1)));
    assertEquals("--l1-ratio must be in [0, 1], got NaN",
        rejected(DescentOptions.builder().l1Ratio(Double.NaN)));
    DescentOptions edges = DescentOptions.builder().batchFraction(1).l1Ratio(0).momentum(0)
        .tolerance(0).build();
    assertEquals(edges, DescentOptions.from(edges.values()),
        "closed ends are allowed, and values() is from()'s inverse");
  }
}
