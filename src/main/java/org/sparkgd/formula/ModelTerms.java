package org.sparkgd.formula;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sparkgd.UserError;

/**
 * A formula's terms once its {@code .} is expanded against the input's columns, before the
 * column kinds and levels are known. It says which raw columns to read, so that a first pass can
 * find their kinds and the levels of the string ones; {@link #bind} then fixes the {@link Design}.
 */
public final class ModelTerms {
  private final String formula;
  private final String label;
  private final boolean intercept;
  private final List<List<Variable>> terms;

  ModelTerms(String formula, String label, boolean intercept, List<List<Variable>> terms) {
    this.formula = formula;
    this.label = label;
    this.intercept = intercept;
    List<List<Variable>> copy = new ArrayList<>();
    for (List<Variable> t : terms) {
      copy.add(List.copyOf(t));
    }
    this.terms = List.copyOf(copy);
  }

  public String label() {
    return label;
  }

  public boolean intercept() {
    return intercept;
  }

  /** The terms in R's order, each as its variables. */
  public List<List<Variable>> terms() {
    return terms;
  }

  /** R's term labels in order, such as {@code TV}, {@code radio}, {@code TV:radio}. */
  public List<String> termLabels() {
    List<String> labels = new ArrayList<>();
    for (List<Variable> t : terms) {
      List<String> names = new ArrayList<>();
      t.forEach(v -> names.add(v.name()));
      labels.add(String.join(":", names));
    }
    return labels;
  }

  /** The input columns the right side uses, in order of first use (the label not included). */
  public List<String> columns() {
    Set<String> columns = new LinkedHashSet<>();
    for (List<Variable> t : terms) {
      t.forEach(v -> columns.add(v.column()));
    }
    return List.copyOf(columns);
  }

  /**
   * Fixes the design: numbers as they are, string columns as treatment-coded dummies with the
   * first level in sorted order as the reference, coded as R's {@code model.matrix} codes them.
   *
   * @param kinds the kind of every column in {@link #columns()} and of the label
   * @param levels for each string column among {@link #columns()}, the distinct values seen
   */
  public Design bind(Map<String, ColumnKind> kinds,
      Map<String, ? extends Collection<String>> levels) {
    if (kinds.get(label) == ColumnKind.STRING) {
      throw usage("the label '" + label + "' holds strings; it must be numeric");
    }
    List<List<CodedVariable>> coded = new ArrayList<>();
    boolean factorSeen = false;
    for (int j = 0; j < terms.size(); j++) {
      List<CodedVariable> term = new ArrayList<>();
      for (Variable v : terms.get(j)) {
        ColumnKind kind = kinds.get(v.column());
        if (kind == null) {
          throw new IllegalArgumentException("no kind for column " + v.column());
        }
        if (kind == ColumnKind.NUMERIC) {
          term.add(new CodedVariable(v, Coding.NUMERIC));
          continue;
        }
        if (v.power() != 1) {
          throw usage(v.name() + ": column '" + v.column() + "' holds strings; only a numeric "
              + "column can be raised to a power");
        }
        // Without an intercept, R codes the first factor by indicators: its levels replace it.
        boolean full = !intercept && !factorSeen;
        factorSeen = true;
        term.add(new CodedVariable(v, full || !marginPresent(j, v) ? Coding.INDICATORS
            : Coding.CONTRASTS));
      }
      coded.add(term);
    }
    return new Design(formula, label, intercept, coded, levels);
  }

  /**
   * R's rule (TermCode in models.c): a factor in a term is coded by contrasts when the term
   * without it is empty or is contained in an earlier term, else by indicators.
   */
  private boolean marginPresent(int j, Variable factor) {
    List<Variable> margin = new ArrayList<>(terms.get(j));
    margin.remove(factor);
    if (margin.isEmpty()) {
      return true;
    }
    for (int i = 0; i < j; i++) {
      if (terms.get(i).containsAll(margin)) {
        return true;
      }
    }
    return false;
  }

  private UserError usage(String what) {
    return UserError.usage("--formula '" + formula + "': " + what);
  }
}
