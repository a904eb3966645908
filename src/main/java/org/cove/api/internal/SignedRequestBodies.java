package org.cove.api.internal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.cove.identity.SignedRequest;
import org.cove.shared.InvalidInputException;

/**
 * Ocean's signed requests that come as JSON bodies (the auth token endpoints): address, nonce and
 * signature as strings, or numbers as their decimal text, since clients send the nonce either way.
 */
final class SignedRequestBodies {

  private SignedRequestBodies() {}

  /** The address, nonce and signature of the body, signed over {@code command}. */
  static SignedRequest read(JsonObject body, String command) {
    return new SignedRequest(
        text(body, "address"), text(body, "nonce"), command, text(body, "signature"));
  }

  /** The body's {@code validUntil} (epoch milliseconds), or null when it sets none. */
  static Long validUntil(JsonObject body) {
    if (!body.containsKey("validUntil") || body.get("validUntil") == JsonValue.NULL) {
      return null;
    }
    try {
      return Long.parseLong(text(body, "validUntil"));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("validUntil must be milliseconds since the epoch");
    }
  }

  /** A field as the client sent it; numbers are accepted as their decimal text. */
  static String text(JsonObject body, String field) {
    if (body == null) {
      throw new InvalidInputException("a JSON body is required");
    }
    JsonValue value = body.get(field);
    if (value instanceof JsonString string) {
      return string.getString();
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      return number.bigIntegerValue().toString();
    }
    throw new InvalidInputException(field + " is required");
  }
}
