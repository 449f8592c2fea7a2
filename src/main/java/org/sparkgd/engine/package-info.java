/**
 * The Spark side of a pass: the loss over the cached blocks, its aggregator, the sampler, and
 * the passes that produce the per-partition QR factors and refinement sums.
 */
package org.sparkgd.engine;
