package org.cove.shared;

import java.nio.file.Path;

/** Where this Cove instance keeps its files: the embedded database, keys, uploads, results. */
public interface DataDirectory {

  Path root();

  /** A sub-directory of the root, created if missing. */
  Path directory(String name);
}
