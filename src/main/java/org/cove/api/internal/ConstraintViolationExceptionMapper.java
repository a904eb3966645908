package org.cove.api.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.cove.shared.InvalidInputException;

/**
 * A request refused by a constraint on a resource method's parameters (or on a request record they
 * hold) answers as a hand-written check does: the invalid-request problem, whose detail is the
 * constraint's message. Several violations give the first parameter's, as checks in parameter order
 * would. The runtime's own exception (RESTEasy's ResteasyViolationException, Jersey's plain one) is
 * a ConstraintViolationException, so this mapper is nearer to it than the runtime's mapper for any
 * ValidationException. A constraint on a return value is the server's mistake, not the caller's.
 */
@Provider
public class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {

  private static final Comparator<ConstraintViolation<?>> PARAMETER_ORDER =
      Comparator.<ConstraintViolation<?>>comparingInt(
              ConstraintViolationExceptionMapper::parameterIndex)
          .thenComparing(v -> v.getPropertyPath().toString());

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    if (hasReturnValueViolation(exception)) {
      return new UnexpectedExceptionMapper().toResponse(exception);
    }
    return new CoveExceptionMapper().toResponse(invalidInput(exception));
  }

  /** The refusal a hand-written check would have thrown for the first violation. */
  static InvalidInputException invalidInput(ConstraintViolationException exception) {
    String detail =
        violations(exception)
            .min(PARAMETER_ORDER)
            .map(ConstraintViolation::getMessage)
            .orElse("the request body or parameters are not valid");
    return new InvalidInputException(detail);
  }

  private static boolean hasReturnValueViolation(ConstraintViolationException exception) {
    return violations(exception)
        .anyMatch(
            v -> nodes(v.getPropertyPath()).anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
  }

  /** The index of the method parameter the violation is about; parameterless ones sort last. */
  private static int parameterIndex(ConstraintViolation<?> violation) {
    return nodes(violation.getPropertyPath())
        .filter(n -> n.getKind() == ElementKind.PARAMETER)
        .findFirst()
        .map(n -> n.as(Path.ParameterNode.class).getParameterIndex())
        .orElse(Integer.MAX_VALUE);
  }

  private static Stream<ConstraintViolation<?>> violations(ConstraintViolationException exception) {
    return exception.getConstraintViolations() == null
        ? Stream.empty()
        : exception.getConstraintViolations().stream();
  }

  private static Stream<Path.Node> nodes(Path path) {
    return StreamSupport.stream(path.spliterator(), false);
  }
}
