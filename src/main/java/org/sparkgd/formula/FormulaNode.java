package org.sparkgd.formula;

import java.util.List;

/**
 * The right side of a formula as parsed, before {@code .} is known: terms are only fixed once the
 * input's columns are (see {@link TermAlgebra}).
 */
sealed interface FormulaNode {
  /** A column used as is; {@code position} is 1-based, for errors. */
  record Column(String name, int position) implements FormulaNode {}

  /** {@code I(name^power)}. */
  record Power(String name, int power, int position) implements FormulaNode {}

  /** {@code .}: every column but the label. */
  record Dot(int position) implements FormulaNode {}

  /** {@code 0} or {@code 1}: the intercept, removed or kept. */
  record Constant(int value, int position) implements FormulaNode {}

  /** Terms added ({@code +}) or removed ({@code -}), left to right. */
  record Sum(List<Signed> parts) implements FormulaNode {
    public Sum {
      parts = List.copyOf(parts);
    }
  }

  /** One part of a {@link Sum}. */
  record Signed(boolean minus, FormulaNode node) {}

  /** {@code left * right}: both sides and their interaction. */
  record Cross(FormulaNode left, FormulaNode right) implements FormulaNode {}

  /** {@code left : right}: the interaction alone. */
  record Interact(FormulaNode left, FormulaNode right) implements FormulaNode {}

  /** {@code (a + b + c)^degree}: the terms crossed with themselves up to that order. */
  record Degree(FormulaNode base, int degree, int position) implements FormulaNode {}
}
