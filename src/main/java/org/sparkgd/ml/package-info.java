/**
 * The Spark ML Pipeline API: {@link org.sparkgd.ml.GradientDescentRegressor} (an Estimator whose
 * Params are the options of {@code sparkgd fit}, with an R {@code formula} as {@code --formula})
 * and the model it fits, both savable.
 */
package org.sparkgd.ml;
