package org.sparkgd.model;

import java.util.List;

/**
 * A model's {@code label ~ terms} as one line a reader takes in: every term up to
 * {@link #SHOWN}, else the first few, the last and how many (the full list goes to the summary's
 * table and to DEBUG logs).
 */
public final class ModelFormula {
  /** Terms written out in full up to this many. */
  static final int SHOWN = 8;

  private ModelFormula() {}

  public static String brief(String label, List<String> terms) {
    if (terms.size() <= SHOWN) {
      return full(label, terms);
    }
    return label + " ~ " + String.join(" + ", terms.subList(0, SHOWN - 2)) + " + … + "
        + terms.get(terms.size() - 1) + " (" + terms.size() + " terms)";
  }

  public static String full(String label, List<String> terms) {
    return label + " ~ " + String.join(" + ", terms);
  }
}
