/** The Spark side of a pass: the loss over the cached blocks, its aggregator, the sampler and the Gram statistics. */
package org.sparkgd.engine;
