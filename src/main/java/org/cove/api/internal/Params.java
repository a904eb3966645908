package org.cove.api.internal;

import java.util.Optional;
import org.cove.shared.InvalidInputException;

/**
 * Query parameters read by hand: JAX-RS answers 404 for a number it cannot convert, and a malformed
 * parameter is the client's mistake (400).
 */
final class Params {

  private Params() {}

  static int integer(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number");
    }
  }

  static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
