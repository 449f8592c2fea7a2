/** The descent loop, its runs, step strategies, update rules and stop rules over a cost function; Spark-free. */
package org.sparkgd.optim;
