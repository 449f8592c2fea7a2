package org.sparkgd.bench;

import java.util.ArrayList;
import java.util.List;

/** What one benchmark run measured; a part that did not run leaves its fields null. */
final class Results {
  Machine machine;
  String sparkVersion;
  String master;
  String started;
  double loadBefore;
  double loadAfter;

  long rows;
  int numFeatures;
  int partitions;
  int threads;
  double dataSeconds;

  Timing batch;
  Timing miniBatchTenth;
  Timing miniBatchHundredth;
  Timing sgdFull;
  Timing sgdHundredth;
  Timing lbfgsFit;
  long lbfgsIterations;
  Timing normalFit;
  Timing roofline;
  /** How far the roofline's sums are from the evaluator's (relative). */
  double rooflineDifference;
  CachedBytes sparkgdBytes;
  CachedBytes mllibBytes;
  EndToEnd.Result endToEnd;
  FreshProcesses.Result processes;
  java.util.List<Ingest.Row> ingest;

  Breakdown.Pieces pieces;
  List<Breakdown.Line> batchVariants = new ArrayList<>();
  List<Breakdown.Line> miniBatchVariants = new ArrayList<>();
  List<MemoryGrowth.Result> memory = new ArrayList<>();
  List<WidthSweep.Line> width = new ArrayList<>();

  /** 8 × rows × (features + 1): the packed doubles themselves. */
  double packedBytes() {
    return 8.0 * rows * (numFeatures + 1);
  }
}
