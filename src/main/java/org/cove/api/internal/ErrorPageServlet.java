package org.cove.api.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.shared.LogSafe;
import org.cove.shared.ProblemType;

/**
 * The error page (WEB-INF/web.xml) for what the servlet container refuses before JAX-RS or the
 * portal see it: an encoded dot, slash or backslash in a path, {@code /WEB-INF/...}, a method no
 * servlet takes. The answer is a problem like every other refusal, without the container's page,
 * its message ids or a stack trace; server.xml hides the container's own log line for these, so a
 * failure of a servlet (a 5xx) is logged here, with an error id the answer carries. Reached
 * directly, there is nothing here: a 404.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

  static final String PATH = "/error";

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  /** Every method: the error dispatch keeps the refused request's, whatever it was. */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                && code >= 400
            ? code
            : HttpServletResponse.SC_NOT_FOUND;
    response.reset();
    if (status >= 500) {
      String id = UUID.randomUUID().toString();
      LogSafe.log(
          LOG,
          Level.SEVERE,
          "Unexpected error " + id,
          (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
      Problems.write(response, ProblemType.INTERNAL, "error id " + id);
      return;
    }
    Problems.write(response, Problems.ofStatus(status), detail(status));
  }

  private static String detail(int status) {
    return switch (status) {
      case HttpServletResponse.SC_BAD_REQUEST ->
          "the request could not be read; a path may not hold encoded dots, slashes or"
              + " backslashes, nor control characters";
      case HttpServletResponse.SC_NOT_FOUND -> "nothing is here";
      default -> null;
    };
  }
}
