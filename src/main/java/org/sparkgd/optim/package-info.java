/** The aggregator, gradient evaluation, the update rule, stop rules and the descent loop. */
package org.sparkgd.optim;
