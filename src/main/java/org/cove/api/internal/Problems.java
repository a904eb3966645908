package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.cove.shared.ProblemType;

/** RFC 9457 problem responses. */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  static Response response(ProblemType type, String detail) {
    return response(type, detail, JsonValue.EMPTY_JSON_OBJECT);
  }

  static Response response(ProblemType type, String detail, JsonObject extensions) {
    Response.ResponseBuilder response =
        Response.status(type.status())
            .type(MEDIA_TYPE)
            .entity(body(type, detail, extensions).toString());
    if (type.status() == 503) {
      response.header("Retry-After", "5");
    }
    return response.build();
  }

  /** The problem document alone, for answers written outside JAX-RS (a servlet's). */
  static String body(ProblemType type, String detail) {
    return body(type, detail, JsonValue.EMPTY_JSON_OBJECT).toString();
  }

  /**
   * The problem for a bare HTTP status, as the runtime or the servlet container refuses a request
   * (no such path, method not allowed, ...): {@code http-<status>} with the status's reason phrase;
   * 400 is the invalid request every other refusal of input is.
   */
  static ProblemType ofStatus(int status) {
    if (status >= 500) {
      return ProblemType.INTERNAL;
    }
    if (status == 400) {
      return ProblemType.INVALID_REQUEST;
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Request refused" : known.getReasonPhrase();
    return new ProblemType("http-" + status, status, title);
  }

  /**
   * Writes a problem as the answer, for refusals made outside JAX-RS (filters, error pages), with
   * Cove's security headers: the filter that sets them may not have run, or its headers were reset.
   */
  static void write(HttpServletResponse response, ProblemType type, String detail)
      throws IOException {
    SecurityHeadersFilter.addTo(response);
    byte[] body =
        body(type, detail, JsonValue.EMPTY_JSON_OBJECT).toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(type.status());
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The problem document itself. */
  static JsonObject body(ProblemType type, String detail, JsonObject extensions) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("type", type.uri())
            .add("title", type.title())
            .add("status", type.status());
    if (detail != null && !detail.isBlank()) {
      body.add("detail", detail);
    }
    extensions.forEach(body::add);
    return body.build();
  }
}
