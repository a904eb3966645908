package org.cove.identity;

import org.cove.shared.CoveException;
import org.cove.shared.ProblemType;

/** A signature, nonce, sign-in message or token that was refused: always a 401. */
public class AuthenticationException extends CoveException {

  public static final ProblemType INVALID_SIGNATURE =
      new ProblemType("invalid-signature", 401, "The signature is not valid");
  public static final ProblemType INVALID_NONCE =
      new ProblemType("invalid-nonce", 401, "The nonce must be greater than the last one used");
  public static final ProblemType SIGN_IN_REJECTED =
      new ProblemType("sign-in-rejected", 401, "The sign-in message was not accepted");
  public static final ProblemType INVALID_TOKEN =
      new ProblemType("invalid-token", 401, "The token is unknown, expired or revoked");

  public AuthenticationException(ProblemType type, String detail) {
    super(type, detail);
  }
}
