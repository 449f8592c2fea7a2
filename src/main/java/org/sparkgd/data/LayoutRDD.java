package org.sparkgd.data;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.Dependency;
import org.apache.spark.NarrowDependency;
import org.apache.spark.Partition;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import scala.collection.AbstractIterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The cache's layout read from the input's partitions with no shuffle: partition t reads the
 * input partitions {@code sources.get(t)} in order (a narrow dependency, as {@code coalesce}
 * makes) and {@code cut} keeps its rows of them ({@link BalancedBlocks}). A subclass, not
 * {@code coalesce} with a partition coalescer of our own: Spark 3.5 requires that to be a
 * {@code scala.Serializable}, which one Java source cannot name on both Scala lines.
 */
final class LayoutRDD extends RDD<DataBlock> {
  private static final long serialVersionUID = 1L;
  private static final ClassTag<DataBlock> TAG = ClassTag$.MODULE$.apply(DataBlock.class);

  /** Partition t's rows from the blocks of its input partitions, read in order. */
  interface Cut extends Serializable {
    Iterator<DataBlock> apply(int t, Iterator<DataBlock> blocks);
  }

  private final RDD<DataBlock> input;
  private final List<int[]> sources;
  private final Cut cut;

  LayoutRDD(RDD<DataBlock> input, List<int[]> sources, Cut cut) {
    super(input.context(), scala.collection.immutable.List$.MODULE$.<Dependency<?>>empty()
        .$colon$colon(new Sources(input, sources)), TAG);
    this.input = input;
    this.sources = sources;
    this.cut = cut;
  }

  @Override
  public Partition[] getPartitions() {
    Partition[] inputs = input.partitions();
    Partition[] out = new Partition[sources.size()];
    for (int t = 0; t < out.length; t++) {
      int[] from = sources.get(t);
      Partition[] parents = new Partition[from.length];
      for (int k = 0; k < from.length; k++) {
        parents[k] = inputs[from[k]];
      }
      out[t] = new Slice(t, parents);
    }
    return out;
  }

  @Override
  public scala.collection.Iterator<DataBlock> compute(Partition partition, TaskContext context) {
    Partition[] parents = ((Slice) partition).parents;
    Iterator<DataBlock> blocks = new Iterator<>() {
      private int next;
      private scala.collection.Iterator<DataBlock> current;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (next == parents.length) {
            return false;
          }
          current = input.iterator(parents[next++], context);
        }
        return true;
      }

      @Override
      public DataBlock next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    Iterator<DataBlock> out = cut.apply(partition.index(), blocks);
    return new AbstractIterator<>() {
      @Override
      public boolean hasNext() {
        return out.hasNext();
      }

      @Override
      public DataBlock next() {
        return out.next();
      }
    };
  }

  /** A partition of the layout and the input partitions it reads. */
  private record Slice(int index, Partition[] parents) implements Partition {
    @Override
    public int hashCode() {
      return index;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Slice s && s.index == index;
    }
  }

  /** Partition t depends on the input partitions {@code sources.get(t)}. */
  private static final class Sources extends NarrowDependency<DataBlock> {
    private static final long serialVersionUID = 1L;
    private final List<int[]> sources;

    Sources(RDD<DataBlock> input, List<int[]> sources) {
      super(input);
      this.sources = sources;
    }

    @Override
    public scala.collection.immutable.List<Object> getParents(int t) {
      scala.collection.immutable.List<Object> parents =
          scala.collection.immutable.List$.MODULE$.empty();
      int[] from = sources.get(t);
      for (int k = from.length - 1; k >= 0; k--) {
        parents = parents.$colon$colon(from[k]);
      }
      return parents;
    }
  }
}
