package org.cove.engine.internal.local;

import java.util.Locale;

/** How algorithms are isolated: in a bubblewrap sandbox, or (explicitly asked for) not at all. */
enum SandboxMode {
  BUBBLEWRAP,
  NONE;

  static SandboxMode parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "bubblewrap" -> BUBBLEWRAP;
      case "none" -> NONE;
      default -> throw new IllegalStateException("cove.local.sandbox must be bubblewrap or none");
    };
  }
}
