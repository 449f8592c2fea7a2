/** History to Parquet, model to JSON, and the atomic commit of a run's outputs. */
package org.sparkgd.output;
