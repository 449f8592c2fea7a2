/**
 * Model formulas in R / Spark {@code RFormula} syntax ({@code sales ~ TV * radio + market}):
 * parsing ({@link org.sparkgd.formula.Formula}), resolving the terms against an input's columns
 * ({@link org.sparkgd.formula.ModelTerms}), and the serializable design that turns a raw row into
 * a design row ({@link org.sparkgd.formula.Design}). Pure Java, no Spark classes.
 */
package org.sparkgd.formula;
