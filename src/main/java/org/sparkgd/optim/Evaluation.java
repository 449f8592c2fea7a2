package org.sparkgd.optim;

/**
 * The cost J(θ) and its gradient ∇J(θ) (the gradient of the cost, not its negative) at one
 * point, over the rows that were used: all rows in batch mode, the sampled ones in mini-batch
 * mode.
 *
 * @param gradient intercept first, then one entry per feature
 * @param rows how many rows the cost and gradient are averaged over (0: an empty batch)
 */
public record Evaluation(double cost, double[] gradient, long rows) {}
