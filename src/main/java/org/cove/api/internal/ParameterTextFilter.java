package org.cove.api.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.cove.shared.InvalidInputException;

/**
 * Query and path parameters, decoded, hold only text that can be stored ({@link
 * ClientText#unstorable}): a {@code %00} in a search or a file name is a 400 naming the parameter,
 * not a database error. Runs after matching, when the path parameters are known.
 */
@Provider
public class ParameterTextFilter implements ContainerRequestFilter {

  /** Parameter names are the client's: shown only this far, and only printable. */
  private static final int MAX_NAME_SHOWN = 64;

  @Override
  public void filter(ContainerRequestContext request) {
    try {
      check("query parameter", request.getUriInfo().getQueryParameters());
      check("path parameter", request.getUriInfo().getPathParameters());
    } catch (IllegalArgumentException e) {
      // the runtime's decoder, on a malformed escape such as %ZZ; its message quotes the URI
      throw new InvalidInputException("the query or path holds a malformed %-escape");
    }
  }

  private static void check(String kind, MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      ClientText.unstorable(name)
          .ifPresent(
              problem -> {
                throw new InvalidInputException("a " + kind + " name " + problem);
              });
      for (String value : parameter.getValue()) {
        ClientText.unstorable(value)
            .ifPresent(
                problem -> {
                  throw new InvalidInputException(
                      kind + " " + ClientText.excerpt(name, MAX_NAME_SHOWN) + " " + problem);
                });
      }
    }
  }
}
