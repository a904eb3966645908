package org.cove.shared;

import java.util.Locale;

/**
 * How this instance runs. Development (the embedded default) offers demo accounts whose keys the
 * server holds; production never does.
 */
public enum RunMode {
  DEVELOPMENT,
  PRODUCTION;

  public static RunMode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("cove.mode must be development or production");
    }
  }
}
