package org.sparkgd.cli;

import org.sparkgd.UserError;

/** Reads a delimiter option: one character, or a name for one that is awkward to type. */
final class Delimiters {
  private Delimiters() {}

  static char parse(String text) {
    String t = text == null ? "," : text;
    switch (t) {
      case "tab":
      case "\\t":
        return '\t';
      case "comma":
        return ',';
      case "semicolon":
        return ';';
      case "pipe":
        return '|';
      default:
        if (t.length() != 1 || t.charAt(0) == '"' || t.charAt(0) > 127
            || Character.isLetterOrDigit(t.charAt(0))) {
          throw UserError.usage("--delimiter must be one ASCII character (not a letter, digit "
              + "or quote) or tab, got '" + t + "'");
        }
        return t.charAt(0);
    }
  }
}
