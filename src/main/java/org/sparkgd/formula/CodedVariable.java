package org.sparkgd.formula;

import java.io.Serializable;

/** A variable of a term with how it is coded in that term (a factor may differ between terms). */
public record CodedVariable(Variable variable, Coding coding) implements Serializable {
  private static final long serialVersionUID = 1L;

  public CodedVariable {
    if (coding != Coding.NUMERIC && variable.power() != 1) {
      throw new IllegalArgumentException(variable + " coded as " + coding);
    }
  }
}
