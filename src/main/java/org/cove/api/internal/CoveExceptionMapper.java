package org.cove.api.internal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.shared.CoveException;
import org.cove.shared.LogSafe;

@Provider
public class CoveExceptionMapper implements ExceptionMapper<CoveException> {

  private static final Logger LOG = Logger.getLogger(CoveExceptionMapper.class.getName());

  @Override
  public Response toResponse(CoveException exception) {
    if (exception.type().status() >= 500) {
      String id = UUID.randomUUID().toString();
      LogSafe.log(LOG, Level.WARNING, exception.type().slug() + " " + id, exception.getCause());
      return Problems.response(exception.type(), exception.detail() + " (error id " + id + ")");
    }
    Response response =
        Problems.response(exception.type(), exception.detail(), exception.extensions());
    return exception
        .retryAfter()
        .map(
            after ->
                Response.fromResponse(response)
                    .header("Retry-After", String.valueOf(Math.max(1, after.toSeconds())))
                    .build())
        .orElse(response);
  }
}
