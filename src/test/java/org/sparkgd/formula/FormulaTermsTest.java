package org.sparkgd.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and term expansion, against the term labels R's {@code terms()} gives. */
class FormulaTermsTest {
  private static final List<String> ADVERTISING = List.of("TV", "radio", "newspaper", "sales");
  private static final List<String> ABC = List.of("y", "a", "b", "c", "x");

  private static ModelTerms terms(String formula, List<String> columns) {
    return Formula.parse(formula).terms(columns);
  }

  private static List<String> labels(String formula) {
    return terms(formula, ABC).termLabels();
  }

  @Test
  void addsTermsInOrder() {
    ModelTerms t = terms("sales ~ TV + radio", ADVERTISING);
    assertEquals("sales", t.label());
    assertTrue(t.intercept());
    assertEquals(List.of("TV", "radio"), t.termLabels());
    assertEquals(List.of("TV", "radio"), t.columns());
  }

  @Test
  void crossGivesMainEffectsThenTheInteraction() {
    assertEquals(List.of("TV", "radio", "TV:radio"),
        terms("sales ~ TV * radio", ADVERTISING).termLabels());
    assertEquals(List.of("a", "b", "c", "a:b", "a:c", "b:c", "a:b:c"), labels("y ~ a*b*c"));
  }

  @Test
  void interactionAlone() {
    assertEquals(List.of("TV", "radio", "TV:radio"),
        terms("sales ~ TV + radio + TV:radio", ADVERTISING).termLabels());
    assertEquals(List.of("a:b:c"), labels("y ~ a:b:c"));
  }

  @Test
  void ordersMainEffectsFirstThenByInteractionOrder() {
    assertEquals(List.of("c", "a:b", "a:b:c"), labels("y ~ a:b:c + a:b + c"));
  }

  @Test
  void dropsRepeatedTermsAsR() {
    assertEquals(List.of("a"), labels("y ~ a + a"));
    assertEquals(List.of("a"), labels("y ~ a:a"));
    assertEquals(List.of("a:b"), labels("y ~ a:b + b:a"));
    // R names an interaction by its variables' order of first appearance.
    assertEquals(List.of("a", "b:a"), labels("y ~ b:a + a"));
  }

  @Test
  void powersAreVariablesOfTheirOwn() {
    ModelTerms t = terms("y ~ x + I(x^2) + I(x^3)", ABC);
    assertEquals(List.of("x", "I(x^2)", "I(x^3)"), t.termLabels());
    assertEquals(List.of("x"), t.columns());
    assertEquals(List.of("x", "I(x^2)", "x:I(x^2)"), labels("y ~ x * I(x^2)"));
    assertEquals(List.of("I(x^2)"), labels("y ~ I( x ^ 2 ) + I(x^2)"));
  }

  @Test
  void dropsOrKeepsTheIntercept() {
    for (String f : List.of("y ~ a - 1", "y ~ -1 + a", "y ~ a + 0", "y ~ 0 + a", "y ~ a-1",
        "y ~ - 1 + a", "y ~ (a - 1)")) {
      ModelTerms t = terms(f, ABC);
      assertFalse(t.intercept(), f);
      assertEquals(List.of("a"), t.termLabels(), f);
    }
    for (String f : List.of("y ~ a", "y ~ a + 1", "y ~ a - 1 + 1", "y ~ 1 + a", "y ~ a - 0")) {
      assertTrue(terms(f, ABC).intercept(), f);
    }
    ModelTerms only = terms("y ~ 1", ABC);
    assertTrue(only.intercept());
    assertEquals(List.of(), only.termLabels());
  }

  @Test
  void dotIsEveryOtherColumn() {
    ModelTerms t = terms("sales ~ .", ADVERTISING);
    assertEquals(List.of("TV", "radio", "newspaper"), t.termLabels());
    ModelTerms noIntercept = terms("y ~ . - 1", ABC);
    assertFalse(noIntercept.intercept());
    assertEquals(List.of("a", "b", "c", "x"), noIntercept.termLabels());
    assertEquals(List.of("radio", "TV", "newspaper", "radio:TV"),
        terms("sales ~ radio * TV + .", ADVERTISING).termLabels());
    assertEquals(List.of("TV", "radio", "newspaper", "TV:radio", "TV:newspaper",
        "radio:newspaper"), terms("sales ~ .^2", ADVERTISING).termLabels());
  }

  @Test
  void removesTerms() {
    assertEquals(List.of("a", "b"), labels("y ~ a*b - a:b"));
    assertEquals(List.of("a", "b", "c", "a:b", "a:c", "b:c"), labels("y ~ a*b*c - a:b:c"));
    assertEquals(List.of("b", "c"), labels("y ~ . - a - x"));
  }

  @Test
  void groupsWithParentheses() {
    assertEquals(List.of("a:c", "b:c"), labels("y ~ (a + b):c"));
    assertEquals(List.of("a", "b", "c", "a:c", "b:c"), labels("y ~ (a + b)*c"));
    assertEquals(List.of("a", "b", "c", "a:b", "a:c", "b:c"), labels("y ~ (a + b + c)^2"));
    assertEquals(labels("y ~ a*b*c"), labels("y ~ (a + b + c)^3"));
    assertEquals(labels("y ~ a*b*c"), labels("y ~ (a + b + c)^7"));
  }

  @Test
  void ignoresWhiteSpace() {
    assertEquals(labels("y ~ a + b:c - 1"), labels("y~a+b:c-1"));
    assertEquals(labels("y ~ a + b:c"), labels("  y\t~ a\n +  b :  c  "));
  }

  @Test
  void backquotesNamesWithOddCharacters() {
    List<String> columns = List.of("total sales", "TV spend", "radio", "x-1");
    ModelTerms t = terms("`total sales` ~ `TV spend` * radio + `x-1`", columns);
    assertEquals("total sales", t.label());
    assertEquals(List.of("`TV spend`", "radio", "`x-1`", "`TV spend`:radio"), t.termLabels());
    assertEquals(List.of("TV spend", "radio", "x-1"), t.columns());
    assertEquals(List.of("I(`TV spend`^2)"),
        terms("`total sales` ~ I(`TV spend`^2)", columns).termLabels());
  }

  @Test
  void simpleFormFromLabelAndFeatures() {
    Formula f = Formula.of("sales", List.of("TV", "radio", "odd name"));
    assertEquals("sales ~ TV + radio + `odd name`", f.text());
    assertEquals(List.of("TV", "radio", "odd name"),
        f.terms(List.of("TV", "radio", "odd name", "sales")).columns());
  }

  @Test
  void namesAreSyntacticAsInR() {
    assertTrue(Names.isSyntactic("x.1_b"));
    assertTrue(Names.isSyntactic(".x"));
    assertFalse(Names.isSyntactic(".1x"));
    assertFalse(Names.isSyntactic("1x"));
    assertFalse(Names.isSyntactic("a b"));
    assertFalse(Names.isSyntactic(""));
  }
}
