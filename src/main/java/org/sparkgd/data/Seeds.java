package org.sparkgd.data;

/** Derives independent, reproducible seeds from a user's seed and some indices. */
public final class Seeds {
  private Seeds() {}

  /** Stafford's variant 13 of the 64-bit finalizer over (seed, index): well spread, cheap. */
  public static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
