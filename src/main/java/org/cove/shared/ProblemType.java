package org.cove.shared;

/**
 * A kind of error with a stable identifier, an HTTP status and a short title. The API turns each
 * into an {@code application/problem+json} answer whose {@code type} is {@link #uri()}.
 */
public record ProblemType(String slug, int status, String title) {

  public static final ProblemType INVALID_REQUEST =
      new ProblemType("invalid-request", 400, "The request is not valid");
  public static final ProblemType INVALID_ADDRESS =
      new ProblemType("invalid-address", 400, "Not an Ethereum address");
  public static final ProblemType UNAUTHENTICATED =
      new ProblemType("unauthenticated", 401, "Authentication is required");
  public static final ProblemType FORBIDDEN =
      new ProblemType("forbidden", 403, "Not allowed for this account");
  public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
  public static final ProblemType CONFLICT =
      new ProblemType("conflict", 409, "Not possible in the present state");
  public static final ProblemType INTERNAL =
      new ProblemType("internal-error", 500, "Something went wrong on the server");
  public static final ProblemType UNAVAILABLE =
      new ProblemType("unavailable", 503, "Temporarily unavailable");

  public String uri() {
    return "urn:cove:problem:" + slug;
  }
}
