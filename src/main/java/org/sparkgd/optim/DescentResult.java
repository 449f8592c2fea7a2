package org.sparkgd.optim;

import java.util.List;

/**
 * How one run ended.
 *
 * @param run the run's name; {@code settings} describes its optimizer
 * @param theta the final point: the last accepted one (the best one for ADAPTIVE)
 * @param finalCost J at theta
 * @param finalObjective J plus the penalty at theta
 * @param updates iterations made (rows in the history, less one)
 */
public record DescentResult(String run, String settings, double[] theta,
    List<IterationRecord> history, StopReason stopReason, long updates, double finalCost,
    double finalObjective) {}
