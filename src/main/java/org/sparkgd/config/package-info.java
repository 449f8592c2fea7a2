/** The validated run configuration: what to read, where to write, the descent's options; Spark-free. */
package org.sparkgd.config;
