package org.sparkgd.formula;

/** What an input column holds: numbers enter a design as they are, strings as dummies. */
public enum ColumnKind {
  NUMERIC,
  STRING
}
