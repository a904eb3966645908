package org.cove.api.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (no such path, method not allowed, unsupported media type,
 * unreadable body) as problems, without the runtime's wording or stack.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    String detail = status == 400 ? "the request body or parameters could not be read" : null;
    return Problems.response(Problems.ofStatus(status), detail);
  }
}
