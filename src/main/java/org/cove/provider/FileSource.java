package org.cove.provider;

import java.net.URI;
import java.util.Optional;

/**
 * Where a service's file comes from: a file uploaded to Cove beforehand, or a URL inside the
 * publisher's network that Cove fetches itself. Neither ever leaves the provider.
 */
public sealed interface FileSource {

  record Upload(String uploadId) implements FileSource {}

  /**
   * A URL, and the SHA-256 (hex) its publisher declared for the file's content, if any: then every
   * fetch is checked against it.
   */
  record Url(URI url, Optional<String> sha256) implements FileSource {

    public Url(URI url) {
      this(url, Optional.empty());
    }
  }
}
