/** The Spark side of a pass: the loss over the cached blocks, its aggregator, the sampler, the Gram statistics and the metrics pass; the caller names the jobs. */
package org.sparkgd.engine;
