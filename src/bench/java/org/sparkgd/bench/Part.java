package org.sparkgd.bench;

import java.util.EnumSet;
import java.util.Set;

/** The parts of the benchmark, selected with {@code --parts}. */
enum Part {
  BATCH("batch", "sparkgd batch iteration"),
  MINIBATCH("minibatch", "sparkgd mini-batch iterations at fractions 0.1 and 0.01"),
  MLLIB_SGD("mllib-sgd", "MLlib runMiniBatchSGD per iteration at fractions 1.0 and 0.01"),
  MLLIB_LR("mllib-lr", "MLlib ml.LinearRegression fit, l-bfgs and normal"),
  ROOFLINE("roofline", "plain multi-threaded Java loop over the same cached arrays"),
  STORAGE("storage", "cached bytes of sparkgd's blocks and MLlib's RDD"),
  END_TO_END("end-to-end", "CSV on disk to a converged model, sparkgd against ml.LinearRegression"),
  BREAKDOWN("breakdown", "where an iteration's time goes, and variants of the evaluator"),
  MEMORY("memory", "driver heap and broadcast blocks over --memory-iterations iterations"),
  WIDTH("width", "a batch pass at --widths features, --width-cells rows × features each, beside "
      + "the memory roofline"),
  PROCESSES("processes", "whole fresh scripts/sparkgd fit processes on generated CSV and Parquet "
      + "files, beside the roofline, Spark's empty-job floor and MLlib as processes"),
  EXACT("exact", "sparkgd fit --solver normal against MLlib LinearRegression solver=normal, "
      + "and sparkgd's default fit, as whole fresh processes on CSV files of --exact-sizes with "
      + "a known solution (alone)"),
  INGEST("ingest", "reading and caching CSV and Parquet of --ingest-rows rows in fresh "
      + "processes, beside Spark's own read + cast + cache");

  final String option;
  final String description;

  Part(String option, String description) {
    this.option = option;
    this.description = description;
  }

  /** The parts behind the main table. */
  static final Set<Part> TABLE = EnumSet.range(BATCH, END_TO_END);

  /** Parses a comma-separated list of part names, {@code table} or {@code all}. */
  static Set<Part> parse(String list) {
    Set<Part> parts = EnumSet.noneOf(Part.class);
    for (String name : list.split(",")) {
      String n = name.trim();
      if (n.equals("all")) {
        parts.addAll(EnumSet.range(BATCH, MEMORY));
      } else if (n.equals("table")) {
        parts.addAll(TABLE);
      } else {
        parts.add(byOption(n));
      }
    }
    return parts;
  }

  private static Part byOption(String name) {
    for (Part p : values()) {
      if (p.option.equals(name)) {
        return p;
      }
    }
    StringBuilder known = new StringBuilder("table, all");
    for (Part p : values()) {
      known.append(", ").append(p.option);
    }
    throw org.sparkgd.UserError.usage("--parts: unknown part '" + name + "' (known: " + known
        + ")");
  }
}
