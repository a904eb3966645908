package org.cove.api.internal;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cove.operator.JobRegistry;
import org.cove.shared.CoveException;
import org.cove.shared.ProblemType;

/**
 * A job's result as a download, with single-range requests ({@code Range: bytes=from-[to]}) so
 * large outputs can resume, as Ocean's getResult does.
 */
final class ResultResponses {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");

  private ResultResponses() {}

  static Response stream(JobRegistry.ResultContent result, String range) {
    long size = result.result().filesize();
    long from = 0;
    long to = size - 1;
    boolean partial = false;
    if (range != null && !range.isBlank()) {
      Matcher m = RANGE.matcher(range.trim());
      if (!m.matches()) {
        close(result.content());
        return unsatisfiable(size);
      }
      from = Long.parseLong(m.group(1));
      if (!m.group(2).isEmpty()) {
        to = Math.min(to, Long.parseLong(m.group(2)));
      }
      if (from >= size || to < from) {
        close(result.content());
        return unsatisfiable(size);
      }
      partial = true;
    }
    long skip = from;
    long length = to - from + 1;
    StreamingOutput body =
        out -> {
          try (InputStream in = result.content()) {
            in.skipNBytes(skip);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            for (int n;
                left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
              out.write(buffer, 0, n);
              left -= n;
            }
          }
        };
    Response.ResponseBuilder response =
        Response.status(partial ? 206 : 200)
            .entity(body)
            .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
            .header(
                "Content-Disposition",
                "attachment; filename=\"" + FileResponses.safe(result.result().filename()) + "\"")
            .header("Accept-Ranges", "bytes")
            .header("Content-Length", length)
            .header("Cache-Control", "no-store");
    if (partial) {
      response.header("Content-Range", "bytes " + from + "-" + to + "/" + size);
    }
    return response.build();
  }

  private static Response unsatisfiable(long size) {
    throw new CoveException(
        new ProblemType("range-not-satisfiable", 416, "The range is outside the file"),
        "the file has " + size + " bytes; ask for Range: bytes=<from>-[<to>] within it");
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // nothing was read; the stream is abandoned either way
    }
  }
}
