package org.cove.portal.internal;

import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code and diffs shown to reviewers, lightly highlighted on the server: comments, strings and
 * keywords of the common algorithm languages become styled spans. Text goes in as text, never as
 * HTML, so no algorithm can inject markup into the reviewer's page.
 */
final class CodeBlock {

  private static final Set<String> KEYWORDS =
      Set.of(
          "import",
          "from",
          "as",
          "def",
          "class",
          "return",
          "if",
          "elif",
          "else",
          "for",
          "while",
          "in",
          "not",
          "and",
          "or",
          "try",
          "except",
          "finally",
          "with",
          "raise",
          "lambda",
          "yield",
          "pass",
          "break",
          "continue",
          "None",
          "True",
          "False",
          "function",
          "const",
          "let",
          "var",
          "new",
          "async",
          "await",
          "require",
          "export",
          "library");

  private static final Pattern TOKEN =
      Pattern.compile(
          "(#[^\\n]*|//[^\\n]*)"
              + "|(\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''"
              + "|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*')"
              + "|([A-Za-z_][A-Za-z0-9_]*)");

  private CodeBlock() {}

  static Pre code(String text) {
    Pre pre = new Pre();
    pre.addClassName("cove-code");
    Matcher matcher = TOKEN.matcher(text);
    int at = 0;
    StringBuilder plain = new StringBuilder();
    while (matcher.find()) {
      plain.append(text, at, matcher.start());
      at = matcher.end();
      String css =
          matcher.group(1) != null
              ? "cove-code-comment"
              : matcher.group(2) != null
                  ? "cove-code-string"
                  : KEYWORDS.contains(matcher.group(3)) ? "cove-code-keyword" : null;
      if (css == null) {
        plain.append(matcher.group());
        continue;
      }
      flush(pre, plain);
      Span token = new Span(matcher.group());
      token.addClassName(css);
      pre.add(token);
    }
    plain.append(text.substring(at));
    flush(pre, plain);
    return pre;
  }

  static Pre diff(String diff) {
    Pre pre = new Pre();
    pre.addClassName("cove-code");
    pre.setId("code-diff");
    for (String line : diff.split("\n", -1)) {
      Span span = new Span(line + "\n");
      if (line.startsWith("+") && !line.startsWith("+++")) {
        span.addClassName("cove-diff-added");
      } else if (line.startsWith("-") && !line.startsWith("---")) {
        span.addClassName("cove-diff-removed");
      } else if (line.startsWith("@@")) {
        span.addClassName("cove-diff-hunk");
      }
      pre.add(span);
    }
    return pre;
  }

  private static void flush(Pre pre, StringBuilder plain) {
    if (plain.length() > 0) {
      pre.add(new Span(plain.toString()));
      plain.setLength(0);
    }
  }
}
