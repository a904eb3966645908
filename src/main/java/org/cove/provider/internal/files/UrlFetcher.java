package org.cove.provider.internal.files;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import org.cove.provider.ProviderException;
import org.cove.shared.Hashes;

/**
 * Fetches URL-backed files from inside the publisher's network. Redirects are not followed: a file
 * URL names the file, and following one could lead anywhere. Failures never name the URL, since
 * callers may be consumers who must not learn it.
 */
@ApplicationScoped
class UrlFetcher {

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** The response body; the caller closes it. */
  InputStream open(URI url) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw unavailable("the file's server answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw unavailable("the file's server cannot be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted");
    }
  }

  /** SHA-256 hex of the file's content and its size, reading at most {@code maxBytes}. */
  Digest digest(URI url, long maxBytes) {
    MessageDigest sha256 = Hashes.sha256();
    long size = 0;
    try (InputStream in = open(url)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        size += n;
        if (size > maxBytes) {
          throw new ProviderException(
              ProviderException.PAYLOAD_TOO_LARGE,
              "a file may have at most " + maxBytes + " bytes");
        }
        sha256.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw unavailable("the file could not be read to the end");
    }
    return new Digest(Hashes.hex(sha256.digest()), size);
  }

  record Digest(String sha256, long size) {}

  private static ProviderException unavailable(String why) {
    return new ProviderException(ProviderException.FILE_UNAVAILABLE, why);
  }
}
