package org.sparkgd.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.sparkgd.model.FitStatistics;
import org.sparkgd.stats.Inference;
import org.sparkgd.stats.TermInference;

/**
 * The {@code inference} object of model.json, written and read back:
 * {@code terms} (each {term, estimate, std_error, t_value, p_value, ci_low, ci_high}),
 * {@code residual_std_error}, {@code df_residual}, {@code r2}, {@code adjusted_r2},
 * {@code f_statistic}, {@code f_p_value}, and {@code note} (what the numbers mean for a
 * penalized or mini-batch fit, else null). A number that is not defined (an aliased term, a
 * penalized fit's standard errors) is null.
 */
final class InferenceJson {
  private InferenceJson() {}

  static void put(ObjectNode root, FitStatistics statistics) {
    if (statistics == null || statistics.inference() == null) {
      return;
    }
    Inference inference = statistics.inference();
    ObjectNode node = root.putObject("inference");
    node.put("scale", "original");
    for (TermInference t : inference.terms()) {
      ObjectNode term = node.withArray("terms").addObject();
      term.put("term", t.term());
      ModelJson.putFinite(term, "estimate", t.estimate());
      ModelJson.putFinite(term, "std_error", t.stdError());
      ModelJson.putFinite(term, "t_value", t.tValue());
      ModelJson.putFinite(term, "p_value", t.pValue());
      ModelJson.putFinite(term, "ci_low", t.ciLow());
      ModelJson.putFinite(term, "ci_high", t.ciHigh());
    }
    ModelJson.putFinite(node, "residual_std_error", inference.residualStdError());
    node.put("df_residual", inference.dfResidual());
    ModelJson.putFinite(node, "r2", inference.rSquared());
    ModelJson.putFinite(node, "adjusted_r2", inference.adjustedRSquared());
    ModelJson.putFinite(node, "f_statistic", inference.fStatistic());
    ModelJson.putFinite(node, "f_p_value", inference.fPValue());
    node.put("note", statistics.note());
  }

  /** The inference saved by {@link #put}, or null when there is none. */
  static Inference read(JsonNode root) {
    JsonNode node = root.path("inference");
    if (!node.isObject()) {
      return null;
    }
    List<TermInference> terms = new ArrayList<>();
    boolean intercept = false;
    int defined = 0;
    for (JsonNode t : node.path("terms")) {
      String name = t.path("term").asText();
      boolean aliased = !t.path("estimate").isNumber();
      intercept |= name.equals(Inference.INTERCEPT);
      defined += aliased ? 0 : 1;
      terms.add(new TermInference(name, aliased, value(t, "estimate"), value(t, "std_error"),
          value(t, "t_value"), value(t, "p_value"), value(t, "ci_low"), value(t, "ci_high")));
    }
    double f = value(node, "f_statistic");
    return new Inference(terms, value(node, "residual_std_error"),
        node.path("df_residual").asLong(), value(node, "r2"), value(node, "adjusted_r2"), f,
        Double.isNaN(f) ? 0 : defined - (intercept ? 1 : 0), value(node, "f_p_value"),
        intercept);
  }

  static String note(JsonNode root) {
    JsonNode note = root.path("inference").path("note");
    return note.isTextual() ? note.asText() : null;
  }

  private static double value(JsonNode node, String name) {
    return JsonFields.optionalNumber(node.path(name));
  }
}
