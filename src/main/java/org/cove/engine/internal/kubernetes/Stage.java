package org.cove.engine.internal.kubernetes;

import java.util.Locale;

/** The three stages that run as pods; their names appear in pod names and labels. */
enum Stage {
  CONFIGURE,
  ALGORITHM,
  PUBLISH;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
