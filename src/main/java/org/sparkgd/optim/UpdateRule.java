package org.sparkgd.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the gradient ∇J (of the cost, not its negative) into the direction d of the update
 * θ ← θ − α·d. Rules with memory keep it in {@link #state()}, which a checkpoint saves and
 * {@link #restore} puts back. Lifecycle: create per run, then {@code direction} once per update.
 */
public interface UpdateRule {
  double[] direction(double[] gradient);

  /** The rule's memory by name (empty for plain gradient descent). */
  Map<String, double[]> state();

  void restore(Map<String, double[]> state);

  /** d = ∇J. */
  static UpdateRule plain() {
    return new Plain();
  }

  /** Heavy ball: v ← μv + ∇J, d = v. */
  static UpdateRule momentum(double mu) {
    return new Momentum(mu, false);
  }

  /** Nesterov's accelerated gradient in the form of Sutskever et al.: v ← μv + ∇J, d = ∇J + μv. */
  static UpdateRule nesterov(double mu) {
    return new Momentum(mu, true);
  }

  /** Adam (Kingma and Ba): bias-corrected moments, d = m̂ / (√v̂ + ε). */
  static UpdateRule adam(double beta1, double beta2, double epsilon) {
    return new Adam(beta1, beta2, epsilon);
  }

  final class Plain implements UpdateRule {
    @Override
    public double[] direction(double[] gradient) {
      return gradient.clone();
    }

    @Override
    public Map<String, double[]> state() {
      return Map.of();
    }

    @Override
    public void restore(Map<String, double[]> state) {}

    @Override
    public String toString() {
      return "plain";
    }
  }

  final class Momentum implements UpdateRule {
    private final double mu;
    private final boolean nesterov;
    private double[] velocity;

    Momentum(double mu, boolean nesterov) {
      if (!(mu >= 0 && mu < 1)) {
        throw new IllegalArgumentException("momentum must be in [0, 1): " + mu);
      }
      this.mu = mu;
      this.nesterov = nesterov;
    }

    @Override
    public double[] direction(double[] gradient) {
      if (velocity == null) {
        velocity = new double[gradient.length];
      }
      double[] d = new double[gradient.length];
      for (int j = 0; j < d.length; j++) {
        velocity[j] = mu * velocity[j] + gradient[j];
        d[j] = nesterov ? gradient[j] + mu * velocity[j] : velocity[j];
      }
      return d;
    }

    @Override
    public Map<String, double[]> state() {
      return velocity == null ? Map.of() : Map.of("velocity", velocity.clone());
    }

    @Override
    public void restore(Map<String, double[]> state) {
      velocity = state.containsKey("velocity") ? state.get("velocity").clone() : null;
    }

    @Override
    public String toString() {
      return (nesterov ? "nesterov" : "momentum") + "(mu=" + mu + ")";
    }
  }

  final class Adam implements UpdateRule {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[] m;
    private double[] v;
    private long t;

    Adam(double beta1, double beta2, double epsilon) {
      if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0)) {
        throw new IllegalArgumentException("Adam needs 0 ≤ β1, β2 < 1 and ε > 0");
      }
      this.beta1 = beta1;
      this.beta2 = beta2;
      this.epsilon = epsilon;
    }

    @Override
    public double[] direction(double[] gradient) {
      if (m == null) {
        m = new double[gradient.length];
        v = new double[gradient.length];
      }
      t++;
      double c1 = 1 - Math.pow(beta1, t);
      double c2 = 1 - Math.pow(beta2, t);
      double[] d = new double[gradient.length];
      for (int j = 0; j < d.length; j++) {
        m[j] = beta1 * m[j] + (1 - beta1) * gradient[j];
        v[j] = beta2 * v[j] + (1 - beta2) * gradient[j] * gradient[j];
        d[j] = (m[j] / c1) / (Math.sqrt(v[j] / c2) + epsilon);
      }
      return d;
    }

    @Override
    public Map<String, double[]> state() {
      Map<String, double[]> s = new LinkedHashMap<>();
      if (m != null) {
        s.put("m", m.clone());
        s.put("v", v.clone());
        s.put("t", new double[] {t});
      }
      return s;
    }

    @Override
    public void restore(Map<String, double[]> state) {
      m = state.containsKey("m") ? state.get("m").clone() : null;
      v = state.containsKey("v") ? state.get("v").clone() : null;
      t = state.containsKey("t") ? (long) state.get("t")[0] : 0;
    }

    @Override
    public String toString() {
      return "adam(beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
    }
  }
}
