package org.cove.provider;

import java.io.InputStream;
import org.cove.identity.Principal;

/** Files publishers upload before they publish the asset that uses them. */
public interface Uploads {

  /**
   * Streams a file into the data directory, computing its SHA-256 on the way.
   *
   * @throws org.cove.shared.InvalidInputException for a file name that is not a plain name
   * @throws org.cove.shared.CoveException with status 413 past the configured size limit
   */
  Upload store(Principal owner, String filename, InputStream content);

  /** An uploaded file as its owner sees it: never where it is stored. */
  record Upload(String id, String filename, long size, String sha256) {}
}
