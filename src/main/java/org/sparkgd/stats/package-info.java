/**
 * Spark-free least squares that keeps its digits (an orthogonal, mergeable factor of weighted
 * rows, with or without intercept, by rotations or by blocked Householder on BLAS level 3),
 * the exact reference drawn from it, classical inference on
 * a fit, and its R-style printout.
 */
package org.sparkgd.stats;
