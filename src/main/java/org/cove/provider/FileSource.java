package org.cove.provider;

import java.net.URI;

/**
 * Where a service's file comes from: a file uploaded to Cove beforehand, or a URL inside the
 * publisher's network that Cove fetches itself. Neither ever leaves the provider.
 */
public sealed interface FileSource {

  record Upload(String uploadId) implements FileSource {}

  record Url(URI url) implements FileSource {}
}
