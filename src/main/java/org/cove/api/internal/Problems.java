package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
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
        Response.status(type.status()).type(MEDIA_TYPE).entity(body(type, detail, extensions));
    if (type.status() == 503) {
      response.header("Retry-After", "5");
    }
    return response.build();
  }

  /** The problem document alone, for answers written outside JAX-RS (a servlet's). */
  static String body(ProblemType type, String detail) {
    return body(type, detail, JsonValue.EMPTY_JSON_OBJECT);
  }

  private static String body(ProblemType type, String detail, JsonObject extensions) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("type", type.uri())
            .add("title", type.title())
            .add("status", type.status());
    if (detail != null && !detail.isBlank()) {
      body.add("detail", detail);
    }
    extensions.forEach(body::add);
    return body.build().toString();
  }
}
