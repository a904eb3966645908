package org.cove.engine.internal.core;

import java.util.Arrays;

/** What both backends show of a log still being written: its complete lines only. */
public final class LiveLogs {

  private LiveLogs() {}

  /**
   * The content up to its last newline: a line the algorithm is still writing is shown once it
   * ends, so a reader polling from an offset never gets half a line twice.
   */
  public static byte[] completeLines(byte[] content) {
    for (int i = content.length - 1; i >= 0; i--) {
      if (content[i] == '\n') {
        return Arrays.copyOf(content, i + 1);
      }
    }
    return new byte[0];
  }
}
