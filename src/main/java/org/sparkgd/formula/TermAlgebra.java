package org.sparkgd.formula;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed right side into R's terms once the input's columns are known: expands {@code .},
 * crosses and interacts term sets, drops repeats ({@code a + a}, {@code a:b} = {@code b:a}) and
 * orders the terms as R's {@code terms()} does (by order, then by first appearance).
 */
final class TermAlgebra {
  /** A term set with what it says about the intercept (null: nothing). */
  private record Value(Set<BitSet> terms, Boolean intercept, int constantPosition) {
    static Value of(Set<BitSet> terms) {
      return new Value(terms, null, 0);
    }
  }

  private final List<String> columns;
  private final String label;
  private final FormulaErrors errors;
  /** Variables in order of first appearance; a term is a bit set over their indices. */
  private final List<Variable> variables = new ArrayList<>();
  private final Map<Variable, Integer> indexOf = new HashMap<>();

  TermAlgebra(List<String> columns, String label, FormulaErrors errors) {
    this.columns = List.copyOf(columns);
    this.label = label;
    this.errors = errors;
  }

  /** The terms in R's order, each as its variables in order of first appearance. */
  ModelTerms evaluate(String text, FormulaNode rhs) {
    if (!columns.contains(label)) {
      throw errors.unknownColumn(label, columns);
    }
    Value value = eval(rhs);
    boolean intercept = value.intercept() == null || value.intercept();
    List<BitSet> sorted = new ArrayList<>(value.terms());
    sorted.removeIf(BitSet::isEmpty);
    sorted.sort((a, b) -> Integer.compare(a.cardinality(), b.cardinality()));
    List<List<Variable>> terms = new ArrayList<>();
    for (BitSet term : sorted) {
      List<Variable> vars = new ArrayList<>();
      term.stream().forEach(i -> vars.add(variables.get(i)));
      terms.add(vars);
    }
    if (terms.isEmpty() && !intercept) {
      throw errors.of("has no terms and no intercept; there is nothing to fit");
    }
    return new ModelTerms(text, label, intercept, terms);
  }

  private Value eval(FormulaNode node) {
    if (node instanceof FormulaNode.Column c) {
      return single(new Variable(checked(c.name()), 1));
    } else if (node instanceof FormulaNode.Power p) {
      return single(new Variable(checked(p.name()), p.power()));
    } else if (node instanceof FormulaNode.Dot) {
      Set<BitSet> all = new LinkedHashSet<>();
      for (String column : columns) {
        if (!column.equals(label)) {
          all.addAll(single(new Variable(column, 1)).terms());
        }
      }
      return Value.of(all);
    } else if (node instanceof FormulaNode.Constant k) {
      return new Value(new LinkedHashSet<>(), k.value() == 1, k.position());
    } else if (node instanceof FormulaNode.Sum s) {
      return sum(s);
    } else if (node instanceof FormulaNode.Cross x) {
      Set<BitSet> left = termsOnly(eval(x.left()), "*");
      Set<BitSet> right = termsOnly(eval(x.right()), "*");
      return Value.of(cross(left, right));
    } else if (node instanceof FormulaNode.Interact x) {
      return Value.of(interact(termsOnly(eval(x.left()), ":"), termsOnly(eval(x.right()), ":")));
    } else if (node instanceof FormulaNode.Degree d) {
      Set<BitSet> base = termsOnly(eval(d.base()), "^");
      Set<BitSet> result = base;
      for (int k = 1; k < d.degree() && k < variables.size(); k++) {
        result = cross(result, base);
      }
      return Value.of(result);
    }
    throw new IllegalStateException("unknown node " + node);
  }

  private Value sum(FormulaNode.Sum s) {
    Set<BitSet> terms = new LinkedHashSet<>();
    Boolean intercept = null;
    int position = 0;
    for (FormulaNode.Signed part : s.parts()) {
      Value v = eval(part.node());
      if (v.intercept() != null) {
        intercept = part.minus() != v.intercept();
        position = v.constantPosition();
      }
      if (part.minus()) {
        terms.removeAll(v.terms());
      } else {
        terms.addAll(v.terms());
      }
    }
    return new Value(terms, intercept, position);
  }

  private Set<BitSet> termsOnly(Value v, String operator) {
    if (v.intercept() != null) {
      throw errors.at(v.constantPosition(), "the intercept (0 or 1) cannot be used with '"
          + operator + "'", "add or remove it with '+ 1' or '- 1'");
    }
    return v.terms();
  }

  /** {@code a * b}: a, b and a:b. */
  private static Set<BitSet> cross(Set<BitSet> left, Set<BitSet> right) {
    Set<BitSet> out = new LinkedHashSet<>(left);
    out.addAll(right);
    out.addAll(interact(left, right));
    return out;
  }

  private static Set<BitSet> interact(Set<BitSet> left, Set<BitSet> right) {
    Set<BitSet> out = new LinkedHashSet<>();
    for (BitSet l : left) {
      for (BitSet r : right) {
        BitSet t = (BitSet) l.clone();
        t.or(r);
        out.add(t);
      }
    }
    return out;
  }

  private Value single(Variable v) {
    Integer index = indexOf.get(v);
    if (index == null) {
      index = variables.size();
      variables.add(v);
      indexOf.put(v, index);
    }
    BitSet term = new BitSet();
    term.set(index);
    Set<BitSet> set = new LinkedHashSet<>();
    set.add(term);
    return Value.of(set);
  }

  private String checked(String column) {
    if (column.equals(label)) {
      throw errors.of("the label '" + label + "' is also on the right side; a column cannot "
          + "explain itself");
    }
    if (!columns.contains(column)) {
      throw errors.unknownColumn(column, columns);
    }
    return column;
  }
}
