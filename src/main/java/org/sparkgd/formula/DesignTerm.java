package org.sparkgd.formula;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One term's block of design columns: the product of its variables' codings, the first variable
 * varying fastest, as R's {@code model.matrix} lays them out. Each coding has at most one
 * non-zero entry per row, so the block is zero but for one product at most.
 */
final class DesignTerm implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<CodedVariable> variables;
  /** Per variable: the index into the row's numbers (numeric) or strings (factor). */
  private final int[] source;
  private final int[] power;
  /** Per variable: its factor, or null for a number. */
  private final Factor[] factor;
  private final boolean[] contrasts;
  private final int[] stride;
  private final int width;

  DesignTerm(List<CodedVariable> variables, int[] source, Factor[] factor) {
    this.variables = List.copyOf(variables);
    int n = variables.size();
    this.source = source.clone();
    this.factor = factor.clone();
    this.power = new int[n];
    this.contrasts = new boolean[n];
    this.stride = new int[n];
    int w = 1;
    for (int k = 0; k < n; k++) {
      power[k] = variables.get(k).variable().power();
      contrasts[k] = variables.get(k).coding() == Coding.CONTRASTS;
      stride[k] = w;
      w = Math.multiplyExact(w, size(k));
    }
    this.width = w;
  }

  List<CodedVariable> variables() {
    return variables;
  }

  int width() {
    return width;
  }

  /** R's term label: the variables' names joined by ':'. */
  String label() {
    List<String> names = new ArrayList<>();
    for (CodedVariable v : variables) {
      names.add(v.variable().name());
    }
    return String.join(":", names);
  }

  /** R's column names, such as {@code TV:marketsouth}. */
  List<String> columnNames() {
    List<String> names = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < variables.size(); k++) {
        Variable v = variables.get(k).variable();
        if (factor[k] == null) {
          parts.add(v.name());
        } else {
          int level = (c / stride[k]) % size(k) + (contrasts[k] ? 1 : 0);
          parts.add(Names.quoted(v.column()) + factor[k].levels().get(level));
        }
      }
      names.add(String.join(":", parts));
    }
    return names;
  }

  /** Writes this term's block at {@code out[offset..offset + width())}. */
  void expand(double[] numbers, String[] strings, double[] out, int offset) {
    double value = 1;
    int position = 0;
    boolean reference = false;
    for (int k = 0; k < source.length; k++) {
      if (factor[k] == null) {
        value *= power(numbers[source[k]], power[k]);
      } else {
        int level = factor[k].indexOf(strings[source[k]]);
        if (contrasts[k]) {
          reference |= level == 0;
          level--;
        }
        position += level * stride[k];
      }
    }
    if (width == 1) {
      out[offset] = reference ? 0 : value;
      return;
    }
    Arrays.fill(out, offset, offset + width, 0.0);
    if (!reference) {
      out[offset + position] = value;
    }
  }

  /** x^n by repeated squaring: exact while the result fits, as R's integer powers. */
  static double power(double x, int n) {
    double result = 1;
    double base = x;
    for (int e = n; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        result *= base;
      }
      base *= base;
    }
    return result;
  }

  private int size(int k) {
    if (factor[k] == null) {
      return 1;
    }
    int levels = factor[k].levels().size();
    return contrasts[k] ? levels - 1 : levels;
  }
}
