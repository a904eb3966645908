package org.cove.api.internal;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.cove.provider.Downloads.Download;

/** Files streamed to the client as attachments, closed when done. */
final class FileResponses {

  private FileResponses() {}

  static Response attachment(Download download) {
    StreamingOutput body =
        out -> {
          try (InputStream in = download.stream()) {
            in.transferTo(out);
          }
        };
    Response.ResponseBuilder response =
        Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
            .header(
                "Content-Disposition", "attachment; filename=\"" + safe(download.filename()) + "\"")
            .header("Cache-Control", "no-store");
    download.size().ifPresent(size -> response.header("Content-Length", size));
    return response.build();
  }

  /** A file name that cannot break out of the header's quotes or carry a path. */
  static String safe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "file" + safe : safe;
  }
}
