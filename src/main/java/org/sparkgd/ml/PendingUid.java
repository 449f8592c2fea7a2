package org.sparkgd.ml;

/**
 * Hands a uid to a Java Params class while its superclass is being constructed. Spark ML's
 * Scala traits (HasLabelCol, …) create their Params in the superclass constructor, and a Param
 * asks its parent's {@code uid()} then, before a Java subclass has assigned its field. The
 * subclass passes {@code set(uid)} as an argument to its own private constructor, so the uid is
 * here during {@code super()}, and clears it once its field is set.
 */
final class PendingUid {
  private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

  private PendingUid() {}

  /** A placeholder argument: evaluating it makes {@code uid} pending on this thread. */
  static Void set(String uid) {
    PENDING.set(uid);
    return null;
  }

  /** The uid to report: the field once set, else the pending one. */
  static String or(String field) {
    return field != null ? field : PENDING.get();
  }

  static void clear() {
    PENDING.remove();
  }
}
