package org.sparkgd.config;

/** Which rows each iteration's gradient is over. */
public enum Mode {
  /** All rows, every iteration: exact cost and gradient. */
  BATCH,
  /** A fresh random sample of about {@code --batch-fraction} of the rows each iteration. */
  MINIBATCH
}
