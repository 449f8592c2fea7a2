package org.sparkgd.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sparkgd.config.Choices;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.InputSpec;
import org.sparkgd.data.TrainingData;
import org.sparkgd.stats.ExactReference;
import org.sparkgd.model.FitResult;
import org.sparkgd.model.FitStatistics;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.PhaseTimes;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.DescentResult;

/**
 * A fit's {@code model.json}: the core of {@link ModelJson}, then how the fit ended, the exact
 * reference, every run, the metrics, what was skipped or warned about, and the configuration.
 */
public final class FitModelJson {
  private FitModelJson() {}

  /** @param test the held-out rows' metrics, or null */
  public static ObjectNode toJson(FitConfig config, FitResult fit, RegressionMetrics test,
      TrainingData data) {
    LinearModel model = fit.model();
    DescentResult result = fit.result();
    ObjectNode root = ModelJson.model(model);
    if (data.design() != null) {
      root.set(ModelJson.FORMULA, data.design().toJson());
    }
    root.put("mode", Choices.word(config.mode()));
    root.put("rows", data.rows());
    root.put("partitions", data.blocks().getNumPartitions());
    root.put("best_run", result.run());
    root.put("iterations", result.updates());
    root.put("final_cost", result.finalCost());
    root.put("final_objective", result.finalObjective());
    root.put("stop_reason", result.stopReason().label());
    FitStatistics statistics = fit.statistics();
    // The full-data cost at the final θ: for a mini-batch fit final_cost is the last batch's.
    root.put("full_cost", statistics.fullCost());
    root.put("full_objective", statistics.fullObjective());
    ExactReference reference = fit.reference();
    root.put("reference_choice", fit.referenceChoice());
    if (reference != null) {
      ObjectNode exact = root.putObject("exact_reference");
      exact.put("optimal_objective", reference.optimalObjective());
      exact.put("optimality_gap", statistics.fullObjective() - reference.optimalObjective());
      exact.put("largest_curvature", reference.lipschitz());
      exact.put("smallest_curvature", reference.smallestCurvature());
      exact.put("safe_step", reference.safeStep());
      exact.put("fastest_step", reference.fastestStep());
      exact.put("condition_number", statistics.conditionNumber());
    }
    ModelJson.putEstimates(root, statistics.inference());
    InferenceJson.put(root, statistics);
    ArrayNode runs = root.putArray("runs");
    for (DescentResult r : fit.runs()) {
      LinearModel m = new LinearModel(model.label(), model.features(), model.standardization(),
          r.theta());
      ObjectNode run = runs.addObject();
      run.put("name", r.run());
      run.put("settings", r.settings());
      run.put("best", r == result);
      run.put("intercept", m.intercept());
      run.set("coefficients", ModelJson.JSON.valueToTree(m.coefficients()));
      run.put("standardized_intercept", m.standardizedIntercept());
      run.set("standardized_coefficients",
          ModelJson.JSON.valueToTree(m.standardizedCoefficients()));
      run.put("iterations", r.updates());
      run.put("final_cost", r.finalCost());
      run.put("final_objective", r.finalObjective());
      run.put("stop_reason", r.stopReason().label());
    }
    ModelJson.putMetrics(root, fit.training(), test);
    List<Double> gradientChecks = fit.gradientChecks();
    if (!gradientChecks.isEmpty()) {
      root.set("gradient_check_max_relative_difference",
          ModelJson.JSON.valueToTree(gradientChecks));
    }
    ObjectNode skippedRows = root.putObject("skipped_rows");
    skippedRows.put("count", data.skipped().count());
    skippedRows.set("examples", ModelJson.JSON.valueToTree(data.skipped().examples()));
    root.set("warnings", ModelJson.JSON.valueToTree(fit.warnings()));
    root.set("config", config(config));
    return root;
  }

  /**
   * {@code timings}: each phase's seconds (see {@link PhaseTimes}) and {@code total}, the
   * seconds from the process's start (first fit of a process) or the fit's to this moment.
   */
  public static void putTimings(ObjectNode root, PhaseTimes phases) {
    ObjectNode timings = root.putObject("timings");
    phases.seconds().forEach(timings::put);
    timings.put("total", phases.totalUntilNow());
  }

  /** The configuration as one flat object (the options' names in snake case). */
  static ObjectNode config(FitConfig c) {
    InputSpec in = c.input();
    ObjectNode n = ModelJson.JSON.createObjectNode();
    n.put("input", in.path());
    n.set("input_format", ModelJson.JSON.valueToTree(in.format()));
    n.put("delimiter", String.valueOf(in.delimiter()));
    n.put("label", in.label());
    n.set("features", ModelJson.JSON.valueToTree(in.features()));
    // Only when given, so that a simple fit's model.json stays as it was.
    if (in.formula() != null) {
      n.put("formula", in.formula());
    }
    if (in.noIntercept()) {
      n.put("no_intercept", true);
    }
    if (in.weight() != null) {
      n.put("weight", in.weight());
    }
    n.put("output", c.output().path());
    n.put("overwrite", c.output().overwrite());
    n.setAll((ObjectNode) ModelJson.JSON.valueToTree(c.descent()));
    n.put("min_partitions", in.minPartitions());
    n.set("on_bad_rows", ModelJson.JSON.valueToTree(in.onBadRows()));
    n.put("checkpoint_every", c.checkpointEvery());
    n.put("test_fraction", c.testFraction());
    n.put("master", c.master());
    return n;
  }
}
