/** The fitted linear model on the standardized and the original scale, its metrics and what a fit produced; Spark-free. */
package org.sparkgd.model;
