package org.cove.identity.internal;

import static org.cove.identity.internal.SiweFormat.invalid;

import java.util.Optional;

/** A cursor over an EIP-4361 message's lines, refusing a message that ends or strays early. */
final class SiweLines {

  private final String[] lines;
  private int next;

  SiweLines(String[] lines) {
    this.lines = lines;
  }

  boolean hasNext() {
    return next < lines.length;
  }

  String peek() {
    return lines[next];
  }

  String next(String what) {
    if (!hasNext()) {
      throw invalid("the message ends before " + what);
    }
    return lines[next++];
  }

  void expectBlank() {
    if (!next("a blank line").isEmpty()) {
      throw invalid("a blank line is missing after line " + next);
    }
  }

  String field(String name) {
    String line = next("'" + name + ":'");
    String prefix = name + ": ";
    if (!line.startsWith(prefix)) {
      throw invalid("expected '" + prefix + "' on line " + next);
    }
    return line.substring(prefix.length());
  }

  Optional<String> optionalField(String name) {
    return hasNext() && peek().startsWith(name + ": ")
        ? Optional.of(field(name))
        : Optional.empty();
  }
}
