package org.cove.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Method;
import org.cove.shared.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Violations found by a real validator, as the JAX-RS runtime hands them to the mapper. */
class ConstraintViolationExceptionMapperTest {

  private static ValidatorFactory validation;
  private static Validator validator;

  private final ConstraintViolationExceptionMapper mapper =
      new ConstraintViolationExceptionMapper();

  @BeforeAll
  static void startValidation() {
    validation = Validation.buildDefaultValidatorFactory();
    validator = validation.getValidator();
  }

  @AfterAll
  static void stopValidation() {
    validation.close();
  }

  /** Stands for a resource: two constrained parameters and a constrained answer. */
  public static class Target {
    public void download(
        @NotBlank(message = "serviceId is required") String serviceId,
        @NotNull(message = "fileIndex is required") Integer fileIndex) {}

    @NotNull(message = "there is always an answer")
    public String answer() {
      return null;
    }
  }

  @Test
  void a_refused_parameter_answers_exactly_as_an_invalid_input_exception_does() {
    Response refused = mapper.toResponse(parameterViolations(" ", 0));

    Response handWritten =
        new CoveExceptionMapper().toResponse(new InvalidInputException("serviceId is required"));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getMediaType()).hasToString("application/problem+json");
    assertThat(refused.getEntity()).isEqualTo(handWritten.getEntity());
    assertThat(json(refused))
        .isEqualTo(
            json(
                "{\"type\":\"urn:cove:problem:invalid-request\",\"title\":\"The request is not"
                    + " valid\",\"status\":400,\"detail\":\"serviceId is required\"}"));
  }

  @Test
  void of_several_refused_parameters_the_first_one_is_told() {
    ConstraintViolationException both = parameterViolations(null, null);

    assertThat(both.getConstraintViolations()).hasSize(2);
    assertThat(json(mapper.toResponse(both)).getString("detail"))
        .isEqualTo("serviceId is required");
    assertThat(json(mapper.toResponse(parameterViolations("access", null))).getString("detail"))
        .isEqualTo("fileIndex is required");
  }

  @Test
  void a_refused_return_value_is_the_servers_error_not_the_callers() throws NoSuchMethodException {
    Method answer = Target.class.getMethod("answer");
    ConstraintViolationException refused =
        new ConstraintViolationException(
            validator.forExecutables().validateReturnValue(new Target(), answer, null));

    Response response = mapper.toResponse(refused);

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(json(response).getString("type")).isEqualTo("urn:cove:problem:internal-error");
    assertThat(json(response).getString("detail")).doesNotContain("always");
  }

  private static ConstraintViolationException parameterViolations(
      String serviceId, Integer fileIndex) {
    try {
      Method download = Target.class.getMethod("download", String.class, Integer.class);
      return new ConstraintViolationException(
          validator
              .forExecutables()
              .validateParameters(new Target(), download, new Object[] {serviceId, fileIndex}));
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject json(Response response) {
    return json((String) response.getEntity());
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
