package org.cove.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** An asset's decentralised identifier, in Ocean's form: {@code did:op:} and 64 hex digits. */
public record Did(String value) {

  private static final Pattern FORMAT = Pattern.compile("did:op:[0-9a-f]{64}");

  public static final ProblemType INVALID_DID =
      new ProblemType("invalid-did", 400, "Not an asset identifier");

  public Did {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new InvalidInputException(INVALID_DID, "a DID is did:op: followed by 64 hex digits");
    }
  }

  public static Did parse(String text) {
    if (text == null) {
      throw new InvalidInputException(INVALID_DID, "a DID is required");
    }
    return new Did(text.trim().toLowerCase(Locale.ROOT));
  }

  public static boolean isDid(String text) {
    return text != null && FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
  }

  /** The 64 hex digits, as Ocean's algorithms see them in the DIDS environment variable. */
  public String hex() {
    return value.substring("did:op:".length());
  }

  @Override
  public String toString() {
    return value;
  }
}
