package org.sparkgd.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How many input rows were dropped as bad, with the first few reasons (in input order). */
public final class SkippedRows implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int MAX_EXAMPLES = 5;

  private long count;
  private final ArrayList<String> examples = new ArrayList<>();

  public void add(String reason) {
    count++;
    if (examples.size() < MAX_EXAMPLES) {
      examples.add(reason);
    }
  }

  /** Appends {@code later}'s rows, which come after this one's in the input. */
  public SkippedRows merge(SkippedRows later) {
    count += later.count;
    for (String e : later.examples) {
      if (examples.size() < MAX_EXAMPLES) {
        examples.add(e);
      }
    }
    return this;
  }

  public long count() {
    return count;
  }

  public List<String> examples() {
    return Collections.unmodifiableList(examples);
  }

  /** Hands over what was counted so far and starts again from zero. */
  SkippedRows drain() {
    SkippedRows drained = new SkippedRows();
    drained.merge(this);
    count = 0;
    examples.clear();
    return drained;
  }
}
