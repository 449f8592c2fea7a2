/** The commands' orchestration: fit, predict, plot and generate, each from configuration to committed output. */
package org.sparkgd.job;
