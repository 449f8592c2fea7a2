/**
 * The Spark side of a pass: the loss over the cached blocks, its aggregator, the sampler, the
 * passes that produce the per-partition QR factors and refinement sums, and the metrics pass;
 * the caller names the jobs ({@code CallerName}).
 */
package org.sparkgd.engine;
