package org.sparkgd.job;

import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.sparkgd.config.Mode;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.Standardization;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.optim.Evaluation;
import org.sparkgd.stats.ExactReference;

/**
 * The exact optimum a fit is measured against, when its plan computes it: the QR pass
 * ({@link ExactAnswer}), then, in batch mode, the cost at the optimum in one pass of the very
 * loss the descent evaluates, so that the optimality gap compares like with like (and
 * {@code --solver normal} reports that evaluation as its one point).
 *
 * @param answer the exact answer, or null when it was not computed
 * @param reference the answer's reference with its measured objective, or null
 * @param atOptimum the loss at the optimum, or null when it was not measured
 */
record MeasuredOptimum(ExactAnswer answer, ExactReference reference, Evaluation atOptimum) {
  static final MeasuredOptimum NONE = new MeasuredOptimum(null, null, null);

  /**
   * @param originalRows re-reads the training rows as read, or null when they cannot be
   * @param isTheFit whether the exact answer is the fit itself ({@code --solver normal})
   */
  static MeasuredOptimum of(LeastSquaresLoss loss, DescentPlan plan, Standardization s,
      Supplier<JavaRDD<DataBlock>> originalRows, boolean isTheFit) {
    ExactAnswer answer = ExactAnswer.compute(loss, plan.penalty(), s, originalRows, isTheFit);
    ExactReference reference = answer.reference();
    if (!reference.hasOptimum() || plan.options().mode() != Mode.BATCH) {
      return new MeasuredOptimum(answer, reference, null);
    }
    Evaluation atOptimum = loss.evaluate(reference.theta(), 0);
    return new MeasuredOptimum(answer, reference.withMeasuredObjective(
        atOptimum.cost() + plan.penalty().value(reference.theta())), atOptimum);
  }

  /** What the user should know about the answer's digits. */
  List<String> warnings() {
    return answer == null ? List.of() : answer.warnings();
  }
}
