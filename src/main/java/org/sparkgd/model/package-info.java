/** The fitted linear model on the standardized and the original scale, and what a fit produced. */
package org.sparkgd.model;
