/** The validated run configuration: what to read, where to write, the descent's options, and each option's one declaration ({@link org.sparkgd.config.FitOption}); Spark-free. */
package org.sparkgd.config;
