package org.sparkgd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparkgd.LeastSquaresReference;

/**
 * Every step mode, update rule and penalty on in-memory least squares with known answers: the
 * closed forms of plain and ridge regression, and lasso on an orthogonal design.
 */
class OptimizerConvergenceTest {
  /** Least squares on in-memory standardized-like data: J = (1/n)‖b + Zw − y‖². */
  static final class LeastSquares implements CostFunction {
    final double[][] z;
    final double[] y;
    int passes;

    LeastSquares(double[][] z, double[] y) {
      this.z = z;
      this.y = y;
    }

    @Override
    public Evaluation[] evaluate(double[][] points, long pass) {
      passes++;
      Evaluation[] out = new Evaluation[points.length];
      int n = y.length;
      for (int m = 0; m < points.length; m++) {
        double[] t = points[m];
        double cost = 0;
        double[] g = new double[t.length];
        for (int i = 0; i < n; i++) {
          double r = t[0] - y[i];
          for (int j = 0; j < z[i].length; j++) {
            r += t[j + 1] * z[i][j];
          }
          cost += r * r / n;
          g[0] += 2 * r / n;
          for (int j = 0; j < z[i].length; j++) {
            g[j + 1] += 2 * r * z[i][j] / n;
          }
        }
        out[m] = new Evaluation(cost, g, n);
      }
      return out;
    }
  }

  /** 200 rows, 3 correlated centered features: an ill-conditioned but solvable problem. */
  static LeastSquares correlated() {
    SplittableRandom random = new SplittableRandom(4);
    int n = 200;
    double[][] z = new double[n][3];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double a = random.nextGaussian();
      z[i][0] = a;
      z[i][1] = 0.9 * a + 0.3 * random.nextGaussian();
      z[i][2] = random.nextGaussian();
      y[i] = 0.5 + 0.7 * z[i][0] - 0.2 * z[i][1] + 0.1 * z[i][2] + 0.2 * random.nextGaussian();
    }
    return new LeastSquares(z, y);
  }

  /** Ridge's closed form on the test problem, from the shared oracle. */
  static double[] ridge(LeastSquares ls, double lambda) {
    return LeastSquaresReference.ridge(ls.z, ls.y, lambda);
  }

  private static DescentResult fit(CostFunction f, RunSettings run, long maxIterations,
      double tolerance) {
    return new GradientDescent(new DescentSettings(maxIterations,
        ConvergenceChecker.relativeCostChange(tolerance), 100, Double.NaN))
        .run(f, run, new double[4], IterationListener.NONE);
  }

  @Test
  void everyRuleAndStepModeReachesTheLeastSquaresSolution() {
    double[] expected = ridge(correlated(), 0);
    for (RunSettings run : List.of(RunSettings.constant(0.3), Settings.momentum(0.1),
        Settings.nesterov(0.1), Settings.lineSearch(), Settings.backtracking(10),
        Settings.adaptive(2.0), Settings.conjugate(0.3, Penalty.NONE))) {
      DescentResult r = fit(correlated(), run, 20_000, 1e-15);
      assertArrayEquals(expected, r.theta(), 1e-6, run.toString());
      assertTrue(r.stopReason() == StopReason.CONVERGED
          || r.stopReason() == StopReason.NO_IMPROVEMENT, run + ": " + r.stopReason());
    }
  }

  @Test
  void adamGetsCloseWithADecayingStep() {
    RunSettings adam = Settings.adam(LearningRateSchedule.inverseSqrt(0.1));
    DescentResult r = fit(correlated(), adam, 3000, 0);
    assertArrayEquals(ridge(correlated(), 0), r.theta(), 1e-3);
  }

  @Test
  void momentumNeedsFarFewerPassesThanPlainDescentOnAnIllConditionedProblem() {
    DescentResult plain = fit(correlated(), RunSettings.constant(0.25), 100_000, 1e-13);
    DescentResult nesterov = fit(correlated(), Settings.nesterov(0.25), 100_000, 1e-13);
    DescentResult lineSearch = fit(correlated(), Settings.lineSearch(), 100_000, 1e-13);
    assertTrue(nesterov.updates() * 2 < plain.updates(),
        nesterov.updates() + " vs " + plain.updates());
    assertTrue(lineSearch.updates() < plain.updates(),
        lineSearch.updates() + " vs " + plain.updates());
  }

  @Test
  void conjugateGradientsSolveTheQuadraticInAboutOnePassPerParameter() {
    LeastSquares ls = correlated();
    DescentResult r = fit(ls, Settings.conjugate(0.3, Penalty.NONE), 50, 1e-15);
    assertArrayEquals(ridge(correlated(), 0), r.theta(), 1e-9);
    // 4 parameters: 4 conjugate steps; passes = 2 to start, then one per iteration.
    assertTrue(ls.passes <= 8, "passes: " + ls.passes);
    DescentResult ridge = fit(correlated(), Settings.conjugate(0.3, new Penalty(0.5, 0)), 50,
        1e-15);
    assertArrayEquals(ridge(correlated(), 0.5), ridge.theta(), 1e-9);
  }

  @Test
  void lineSearchAndBacktrackingNeverIncreaseTheCost() {
    for (RunSettings run : List.of(Settings.lineSearch(), Settings.backtracking(100))) {
      List<IterationRecord> h = fit(correlated(), run, 200, 0).history();
      for (int k = 1; k < h.size(); k++) {
        assertTrue(h.get(k).cost() <= h.get(k - 1).cost(), run.name() + " row " + k);
      }
    }
  }

  @Test
  void lineSearchPicksAStepFromItsListInOnePassPerIteration() {
    LeastSquares ls = correlated();
    DescentResult r = fit(ls, Settings.lineSearch(), 50, 0);
    List<Double> allowed = List.of(100.0, 10.0, 1.0, 0.1, 0.01, 0.001, 0.0001, 0.00001);
    for (IterationRecord row : r.history().subList(1, r.history().size())) {
      assertTrue(allowed.contains(row.stepSize()), "" + row.stepSize());
    }
    assertEquals(r.history().size() + (r.stopReason() == StopReason.CONVERGED ? 1 : 0),
        ls.passes);
  }

  @Test
  void theAdaptiveRuleRecoversFromADivergentStep() {
    // Plain descent with α = 2 diverges here (L ≈ 3.5); the adaptive rule shrinks it.
    DescentResult plain = fit(correlated(), RunSettings.constant(2.0), 200, 0);
    assertEquals(StopReason.DIVERGED, plain.stopReason());
    DescentResult adaptive = fit(correlated(), Settings.adaptive(2.0), 5000, 1e-15);
    assertArrayEquals(ridge(correlated(), 0), adaptive.theta(), 1e-6);
    // Every rejected iteration goes back to the best point: the best cost never rises.
    double best = Double.POSITIVE_INFINITY;
    int rejected = 0;
    for (IterationRecord row : adaptive.history()) {
      rejected += row.objective() >= best ? 1 : 0;
      best = Math.min(best, row.objective());
    }
    assertTrue(rejected > 0, "the step had to shrink at least once");
    assertEquals(best, adaptive.finalObjective(), 0);
  }

  @Test
  void theAdaptiveRuleStopsAfterItsPatience() {
    RunSettings impatient = Settings.adaptive(1e6, 3);
    DescentResult r = fit(correlated(), impatient, 1000, 0);
    assertEquals(StopReason.NO_IMPROVEMENT, r.stopReason());
    assertEquals(4, r.history().size(), "the start, then 3 worse iterations");
    assertArrayEquals(new double[4], r.theta(), 0);
  }

  @Test
  void ridgeMatchesItsClosedForm() {
    for (double lambda : new double[] {0.05, 0.5, 5}) {
      // A fixed, ample number of iterations: a cost tolerance would stop short of 1e-9 in θ.
      DescentResult r = fit(correlated(), Settings.plain(0.2, new Penalty(lambda, 0)), 20_000, 0);
      assertArrayEquals(ridge(correlated(), lambda), r.theta(), 1e-9, "λ = " + lambda);
    }
  }

  @Test
  void lassoMatchesSoftThresholdingOnAnOrthogonalDesign() {
    // Columns ±1 in a Hadamard pattern: (1/n) ZᵀZ = I, so the lasso solution of
    // (1/n)‖y − b − Zw‖² + λ‖w‖₁ is w_j = soft((1/n) z_jᵀy, λ/2), b = mean(y).
    double[][] z = new double[8][3];
    double[] y = {3, 1, 4, 1, 5, 9, 2, 6};
    for (int i = 0; i < 8; i++) {
      z[i][0] = (i & 1) == 0 ? 1 : -1;
      z[i][1] = (i & 2) == 0 ? 1 : -1;
      z[i][2] = (i & 4) == 0 ? 1 : -1;
    }
    LeastSquares ls = new LeastSquares(z, y);
    double lambda = 1.0;
    double[] expected = new double[4];
    expected[0] = 31.0 / 8;
    for (int j = 0; j < 3; j++) {
      double c = 0;
      for (int i = 0; i < 8; i++) {
        c += z[i][j] * y[i] / 8;
      }
      expected[j + 1] = Math.signum(c) * Math.max(Math.abs(c) - lambda / 2, 0);
    }
    assertEquals(0.0, expected[1], 0, "the design makes one coefficient exactly 0");
    for (RunSettings run : List.of(Settings.plain(0.2, new Penalty(lambda, 1)),
        Settings.backtracking(1, new Penalty(lambda, 1)))) {
      DescentResult r = fit(ls, run, 2_000, 0);
      assertArrayEquals(expected, r.theta(), 1e-9, run.name());
      assertEquals(0.0, r.theta()[1], 0, "soft-thresholding gives an exact 0");
    }
  }
}
