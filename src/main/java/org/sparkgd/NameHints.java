package org.sparkgd;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The hints of an error about a name that is not there: the closest name ("did you mean") and
 * the names there are, listed briefly. Shared by the column selection and the formula errors,
 * so both suggest alike.
 */
public final class NameHints {
  private static final int MAX_LISTED = 20;

  private NameHints() {}

  /** " (did you mean 'X'?)" for the most similar candidate, or "" when none is close. */
  public static String closest(String name, List<String> candidates) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = candidate.equalsIgnoreCase(name) ? 0
          : distance.apply(name.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    boolean similar = best != null && bestDistance <= Math.max(2, name.length() / 3);
    return similar ? " (did you mean '" + best + "'?)" : "";
  }

  /** The first names, comma-separated, then how many more; an empty name is "(unnamed)". */
  public static String listed(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String a : names.subList(0, Math.min(MAX_LISTED, names.size()))) {
      shown.add(a.isEmpty() ? "(unnamed)" : a);
    }
    String more = names.size() > MAX_LISTED ? " and " + (names.size() - MAX_LISTED) + " more" : "";
    return String.join(", ", shown) + more;
  }
}
