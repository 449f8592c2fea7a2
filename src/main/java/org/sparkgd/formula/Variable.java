package org.sparkgd.formula;

import java.io.Serializable;

/**
 * One variable of a term: an input column, or an integer power of one ({@code I(TV^2)}). Two
 * variables on the same column with different powers are different variables, as in R.
 *
 * @param power 1 for the column as is
 */
public record Variable(String column, int power) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Variable {
    if (power < 1) {
      throw new IllegalArgumentException("power " + power + " of " + column);
    }
  }

  /** The name R gives it: {@code TV}, {@code I(TV^2)}, {@code `TV spend`}. */
  public String name() {
    String c = Names.quoted(column);
    return power == 1 ? c : "I(" + c + "^" + power + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
