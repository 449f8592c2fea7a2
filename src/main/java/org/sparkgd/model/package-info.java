/** The fitted linear model on the standardized and the original scale. */
package org.sparkgd.model;
