/**
 * Spark-free least squares that keeps its digits (an orthogonal, mergeable factor), classical
 * inference on a fit, and its R-style printout.
 */
package org.sparkgd.stats;
