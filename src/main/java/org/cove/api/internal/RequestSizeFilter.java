package org.cove.api.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.cove.shared.ProblemType;

/**
 * Request targets and headers within Cove's limits, refused with a problem (414, 431). Liberty's
 * HTTP layer refuses a target or header past 32 KiB before any application sees it, with an empty
 * 400 that cannot be given a body; these limits sit below that, so that what Cove refuses is
 * answered as every other refusal.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSizeFilter extends HttpFilter {

  /** Path and query; Cove's longest (a signed download) is a few hundred characters. */
  static final int MAX_TARGET = 8 * 1024;

  /** One header's name and value: a bearer token or Vaadin's cookies are far shorter. */
  static final int MAX_HEADER = 16 * 1024;

  /** All headers together. */
  static final int MAX_HEADERS = 64 * 1024;

  static final ProblemType URI_TOO_LONG = new ProblemType("uri-too-long", 414, "URI Too Long");

  static final ProblemType HEADERS_TOO_LARGE =
      new ProblemType("header-fields-too-large", 431, "Request Header Fields Too Large");

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String query = request.getQueryString();
    int target = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (target > MAX_TARGET) {
      Problems.write(
          response, URI_TOO_LONG, "path and query may hold at most " + MAX_TARGET + " characters");
      return;
    }
    if (headersTooLarge(request)) {
      Problems.write(
          response,
          HEADERS_TOO_LARGE,
          "a header may hold at most " + MAX_HEADER + " characters, all headers " + MAX_HEADERS);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean headersTooLarge(HttpServletRequest request) {
    long total = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        int size = name.length() + value.length();
        total += size;
        if (size > MAX_HEADER || total > MAX_HEADERS) {
          return true;
        }
      }
    }
    return false;
  }
}
