package org.sparkgd.config;

/** How the input is read. AUTO picks Parquet when every input file ends in .parquet. */
public enum InputFormat {
  AUTO, CSV, PARQUET
}
