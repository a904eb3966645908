package org.cove.provider;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.cove.shared.InvalidInputException;
import org.cove.shared.ProblemType;

/** A DDO that cannot be published: each error names the field, e.g. {@code metadata.name}. */
public class InvalidDdoException extends InvalidInputException {

  public static final ProblemType INVALID_DDO =
      new ProblemType("invalid-ddo", 400, "The asset description is not valid");

  private final List<FieldError> errors;

  public InvalidDdoException(List<FieldError> errors) {
    super(INVALID_DDO, errors.get(0).toString());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public JsonObject extensions() {
    JsonArrayBuilder list = JSON.createArrayBuilder();
    errors.forEach(
        e ->
            list.add(
                JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
    return JSON.createObjectBuilder().add("errors", list).build();
  }

  /** One problem with one field. */
  public record FieldError(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }
}
