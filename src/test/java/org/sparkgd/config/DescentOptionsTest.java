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
  void optionDefaultsSpellTheTableAsTheCommandLineDoes() {
    assertEquals("auto", OptionDefaults.fit().get("learning-rate"));
    assertEquals("1e-12", OptionDefaults.fit().get("tolerance"));
    assertEquals("100,10,1,0.1,0.01,0.001,1e-4,1e-5",
        OptionDefaults.fit().get("line-search-steps"));
    assertEquals("0.999", OptionDefaults.fit().get("adam-beta2"));
  }
}
