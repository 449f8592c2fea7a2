package org.sparkgd.formula;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A formula fixed against an input: the design columns (without the intercept) with their R
 * names, the raw columns they need, and the levels of each string column. It turns a raw row into
 * a design row, without allocating, on the executors; it is immutable and safe to share between
 * threads. {@code predict} rebuilds it from {@code model.json} ({@link #toJson()}), so new rows get
 * exactly the columns the model was fitted on.
 */
public final class Design implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String formula;
  private final String label;
  private final boolean intercept;
  private final List<String> numericColumns;
  private final List<String> stringColumns;
  private final List<Factor> factors;
  private final DesignTerm[] terms;
  private final List<String> columnNames;

  /**
   * @param terms each term's variables with their coding, in R's order
   * @param levels for each string column the terms use, its levels (any order; sorted here)
   */
  Design(String formula, String label, boolean intercept, List<List<CodedVariable>> terms,
      Map<String, ? extends Collection<String>> levels) {
    this.formula = formula;
    this.label = label;
    this.intercept = intercept;
    List<String> numeric = new ArrayList<>();
    Map<String, Factor> byColumn = new LinkedHashMap<>();
    for (List<CodedVariable> term : terms) {
      for (CodedVariable v : term) {
        String column = v.variable().column();
        if (v.coding() == Coding.NUMERIC) {
          if (!numeric.contains(column)) {
            numeric.add(column);
          }
        } else if (!byColumn.containsKey(column)) {
          Collection<String> seen = levels.get(column);
          if (seen == null) {
            throw new IllegalArgumentException("no levels for string column " + column);
          }
          byColumn.put(column, new Factor(column, seen));
        }
      }
    }
    for (String column : numeric) {
      if (byColumn.containsKey(column)) {
        throw new IllegalArgumentException(column + " is both numeric and a factor");
      }
    }
    this.numericColumns = List.copyOf(numeric);
    this.stringColumns = List.copyOf(byColumn.keySet());
    this.factors = List.copyOf(byColumn.values());
    List<DesignTerm> built = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (List<CodedVariable> term : terms) {
      int[] source = new int[term.size()];
      Factor[] factor = new Factor[term.size()];
      for (int k = 0; k < term.size(); k++) {
        String column = term.get(k).variable().column();
        factor[k] = byColumn.get(column);
        source[k] = factor[k] == null ? numeric.indexOf(column) : stringColumns.indexOf(column);
      }
      DesignTerm t = new DesignTerm(term, source, factor);
      built.add(t);
      names.addAll(t.columnNames());
    }
    this.terms = built.toArray(new DesignTerm[0]);
    this.columnNames = List.copyOf(names);
  }

  /** The formula's text as the user wrote it. */
  public String formula() {
    return formula;
  }

  /** The label column (numeric). */
  public String label() {
    return label;
  }

  /** Whether the model has an intercept (not counted among {@link #columnNames()}). */
  public boolean intercept() {
    return intercept;
  }

  /** The numeric input columns to read, in the order {@link #expand} takes their values. */
  public List<String> numericColumns() {
    return numericColumns;
  }

  /** The string input columns to read, in the order {@link #expand} takes their values. */
  public List<String> stringColumns() {
    return stringColumns;
  }

  /** Each string column's levels, sorted; the first is the reference level. */
  public Map<String, List<String>> levels() {
    return Factor.levelsOf(factors);
  }

  /** R's term labels in order ({@code TV}, {@code market}, {@code TV:market}). */
  public List<String> termLabels() {
    List<String> labels = new ArrayList<>();
    for (DesignTerm t : terms) {
      labels.add(t.label());
    }
    return labels;
  }

  /** Each term's variables and their coding, in order; what {@link DesignJson} saves. */
  public List<List<CodedVariable>> terms() {
    List<List<CodedVariable>> out = new ArrayList<>();
    for (DesignTerm t : terms) {
      out.add(t.variables());
    }
    return List.copyOf(out);
  }

  /** The design columns' names as R names the coefficients ({@code TV:radio}, {@code marketsouth}). */
  public List<String> columnNames() {
    return columnNames;
  }

  /** How many design columns a row expands to (the intercept not counted). */
  public int width() {
    return columnNames.size();
  }

  /** {@link #expand(double[], String[], double[], int)} at offset 0. */
  public void expand(double[] numbers, String[] strings, double[] out) {
    expand(numbers, strings, out, 0);
  }

  /**
   * Writes the design row of one raw row into {@code out[offset..offset + width())}. Allocates
   * nothing. Powers and products of finite values can overflow to infinity; checking the result
   * is the caller's, as it is for any input value.
   *
   * @param numbers the values of {@link #numericColumns()}, in that order
   * @param strings the values of {@link #stringColumns()}, in that order
   * @throws org.sparkgd.UserError when a string value is not one of its column's levels
   */
  public void expand(double[] numbers, String[] strings, double[] out, int offset) {
    int at = offset;
    for (int j = 0; j < terms.length; j++) {
      terms[j].expand(numbers, strings, out, at);
      at += terms[j].width();
    }
  }

  /** The design as a small JSON tree for {@code model.json}. */
  public ObjectNode toJson() {
    return DesignJson.toJson(this);
  }

  /** Reads a design saved by {@link #toJson()}. */
  public static Design fromJson(JsonNode json) {
    return DesignJson.fromJson(json);
  }

  @Override
  public String toString() {
    return label + " ~ " + (intercept ? "1" : "0") + (columnNames.isEmpty() ? "" : " + ")
        + String.join(" + ", columnNames);
  }
}
