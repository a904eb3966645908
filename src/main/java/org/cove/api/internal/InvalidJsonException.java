package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonObject;
import org.cove.shared.InvalidInputException;

/**
 * A JSON body refused before it was read, naming the field ({@code metadata.name}) in the {@code
 * errors} shape an invalid DDO answers with.
 */
class InvalidJsonException extends InvalidInputException {

  private final String field;
  private final String message;

  InvalidJsonException(String field, String message) {
    super(field.isEmpty() ? message : field + ": " + message);
    this.field = field;
    this.message = message;
  }

  @Override
  public JsonObject extensions() {
    if (field.isEmpty()) {
      return super.extensions();
    }
    return JSON.createObjectBuilder()
        .add(
            "errors",
            JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("field", field).add("message", message)))
        .build();
  }
}
