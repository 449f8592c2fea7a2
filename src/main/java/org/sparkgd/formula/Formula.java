package org.sparkgd.formula;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A model formula in R / Spark {@code RFormula} syntax, parsed: {@code label ~ terms} with
 * {@code +}, {@code -}, {@code :}, {@code *}, {@code (…)^n}, {@code I(x^2)}, {@code .},
 * {@code 0}/{@code 1} for the intercept, and backquoted names ({@code `TV spend`}). Syntax
 * errors are found here; the columns are checked by {@link #terms(List)}, once they are known.
 */
public final class Formula {
  private final String text;
  private final String label;
  private final FormulaNode rhs;

  private Formula(String text, String label, FormulaNode rhs) {
    this.text = text;
    this.label = label;
    this.rhs = rhs;
  }

  /**
   * Parses a formula.
   *
   * @throws org.sparkgd.UserError (usage) naming the formula, the 1-based position and the
   *     mistake
   */
  public static Formula parse(String text) {
    FormulaErrors errors = new FormulaErrors(text);
    FormulaParser.Parsed parsed =
        new FormulaParser(new FormulaLexer(text, errors).tokens(), errors).parse();
    return new Formula(text, parsed.label(), parsed.rhs());
  }

  /** The simple form {@code --label y --features a,b} as the formula {@code y ~ a + b}. */
  public static Formula of(String label, List<String> features) {
    StringBuilder text = new StringBuilder(Names.quoted(label)).append(" ~ ");
    for (int k = 0; k < features.size(); k++) {
      text.append(k == 0 ? "" : " + ").append(Names.quoted(features.get(k)));
    }
    return parse(text.toString());
  }

  /** The text as given. */
  public String text() {
    return text;
  }

  /** The label column, the formula's left side. */
  public String label() {
    return label;
  }

  /**
   * The terms against the input's columns: expands {@code .}, checks every name.
   *
   * @throws org.sparkgd.UserError for an unknown column (with the closest name), the label on
   *     the right side, or no terms and no intercept
   */
  public ModelTerms terms(List<String> columns) {
    return new TermAlgebra(columns, label, new FormulaErrors(text)).evaluate(text, rhs);
  }

  /** {@link #terms(List)} then {@link ModelTerms#bind(Map, Map)}. */
  public Design bind(List<String> columns, Map<String, ColumnKind> kinds,
      Map<String, ? extends Collection<String>> levels) {
    return terms(columns).bind(kinds, levels);
  }

  @Override
  public String toString() {
    return text;
  }
}
