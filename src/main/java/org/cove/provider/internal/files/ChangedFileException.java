package org.cove.provider.internal.files;

import java.io.IOException;

/**
 * The bytes of a file did not hash to the SHA-256 it is pinned to: its stored copy was altered, or
 * its URL now serves something else. Whoever reads the file says what that means for them (an
 * algorithm that will not run, a dataset not provided).
 */
public class ChangedFileException extends IOException {

  ChangedFileException() {
    super("the file no longer matches the SHA-256 recorded for it");
  }
}
