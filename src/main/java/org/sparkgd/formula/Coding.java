package org.sparkgd.formula;

/**
 * How a variable enters its term's design columns. R codes a string column by contrasts (one
 * dummy per level but the first) when the term without it is already in the model, and by
 * indicators (one dummy per level) otherwise, so that the design stays full rank.
 */
public enum Coding {
  /** A number (or its power): one column. */
  NUMERIC,
  /** Treatment contrasts: a dummy for each level but the first, the reference. */
  CONTRASTS,
  /** A dummy for every level. */
  INDICATORS
}
