package org.cove.api.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.cove.shared.CoveException;
import org.cove.shared.ProblemType;

/**
 * JSON bodies are small: refuse one over {@link #MAX_BYTES} before reading it, whether it announces
 * its length or streams it chunked. File uploads are not JSON and have their own limit.
 */
@Provider
public class JsonBodyLimitFilter implements ContainerRequestFilter {

  static final int MAX_BYTES = 1 << 20;

  static final ProblemType TOO_LARGE =
      new ProblemType("payload-too-large", 413, "The request body is too large");

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return;
    }
    if (request.getLength() > MAX_BYTES) {
      throw tooLarge();
    }
    request.setEntityStream(new LimitedStream(request.getEntityStream()));
  }

  static CoveException tooLarge() {
    return new CoveException(TOO_LARGE, "JSON bodies may hold at most " + MAX_BYTES + " bytes");
  }

  /** Counts what is read and stops at the limit. */
  private static final class LimitedStream extends FilterInputStream {
    private long read;

    LimitedStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw tooLarge();
      }
    }
  }
}
