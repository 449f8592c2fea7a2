package org.sparkgd.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The default of every option of {@code sparkgd fit} that has one, as the command line spells
 * it, keyed by the option's name without dashes (the key of {@code conf/sparkgd.properties}).
 * The descent's defaults come from {@link DescentOptions#DEFAULTS}; the few options of reading
 * and writing have theirs here. picocli shows and applies these through its default-value
 * provider.
 */
public final class OptionDefaults {
  private OptionDefaults() {}

  public static Map<String, String> fit() {
    DescentOptions d = DescentOptions.DEFAULTS;
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", "auto");
    m.put("delimiter", ",");
    m.put("mode", Choices.word(d.mode()));
    m.put("batch-fraction", number(d.batchFraction()));
    m.put("learning-rate", d.autoLearningRate() ? "auto" : numbers(d.learningRates()));
    m.put("schedule", Choices.word(d.schedule()));
    m.put("power-t", number(d.powerT()));
    m.put("decay-factor", number(d.decayFactor()));
    m.put("decay-every", Long.toString(d.decayEvery()));
    m.put("adaptive-factor", number(d.adaptiveFactor()));
    m.put("patience", Integer.toString(d.patience()));
    m.put("step", Choices.word(d.step()));
    m.put("line-search-steps", numbers(d.lineSearchSteps()));
    m.put("update", d.updates().stream().map(Choices::word).collect(Collectors.joining(",")));
    m.put("momentum", number(d.momentum()));
    m.put("adam-beta1", number(d.adamBeta1()));
    m.put("adam-beta2", number(d.adamBeta2()));
    m.put("adam-epsilon", number(d.adamEpsilon()));
    m.put("penalty", Choices.word(d.penalty()));
    m.put("lambda", number(d.lambda()));
    m.put("l1-ratio", number(d.l1Ratio()));
    m.put("solver", Choices.word(d.solver()));
    m.put("reference", Choices.word(d.reference()));
    m.put("gradient-check", Boolean.toString(d.gradientCheck()));
    m.put("gradient-check-tolerance", number(d.gradientCheckTolerance()));
    m.put("max-iterations", Long.toString(d.maxIterations()));
    m.put("tolerance", number(d.tolerance()));
    m.put("seed", Long.toString(d.seed()));
    m.put("divergence-factor", number(d.divergenceFactor()));
    m.put("tree-depth", Integer.toString(d.treeDepth()));
    m.put("min-partitions", "0");
    m.put("test-fraction", "0");
    m.put("on-bad-rows", "fail");
    m.put("checkpoint-every", "0");
    return m;
  }

  /** A double as a person writes it: 100, 0.25, 1e-8. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v).replaceFirst("\\.0E", "E").replace('E', 'e');
  }

  private static String numbers(List<Double> values) {
    return values.stream().map(OptionDefaults::number).collect(Collectors.joining(","));
  }
}
