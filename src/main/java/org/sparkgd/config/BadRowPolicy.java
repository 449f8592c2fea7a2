package org.sparkgd.config;

/** What to do with an input row that has a missing, empty or non-numeric selected cell. */
public enum BadRowPolicy {
  /** Stop at the first bad row, naming its file, line, column and value. */
  FAIL,
  /** Drop bad rows, count them and keep a few examples for the log and model.json. */
  SKIP
}
