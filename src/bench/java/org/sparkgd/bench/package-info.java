/**
 * The speed benchmark ({@code scripts/bench}): sparkgd's iteration time against MLlib's
 * optimizers and against a plain Java loop over the same packed arrays (the memory-bandwidth
 * limit), cached sizes, an end-to-end fit from CSV, where the per-iteration time goes, and the
 * memory over a long run. It ships in the jar but nothing on the fitting path uses it; MLlib is
 * only the reference here, and sparkgd's fitting path never calls it.
 */
package org.sparkgd.bench;
