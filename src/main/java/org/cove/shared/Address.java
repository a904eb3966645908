package org.cove.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Ethereum account address, kept in lower case so that equality is case-insensitive, as Ethereum
 * addresses are.
 */
public record Address(String value) {

  private static final Pattern FORMAT = Pattern.compile("0x[0-9a-f]{40}");

  public Address {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new InvalidInputException(
          ProblemType.INVALID_ADDRESS, "an address is 0x followed by 40 hex digits");
    }
  }

  /** Accepts any letter case (checksummed or not); refuses anything that is not an address. */
  public static Address parse(String text) {
    if (text == null) {
      throw new InvalidInputException(ProblemType.INVALID_ADDRESS, "an address is required");
    }
    String lower = text.trim().toLowerCase(Locale.ROOT);
    if (!FORMAT.matcher(lower).matches()) {
      throw new InvalidInputException(
          ProblemType.INVALID_ADDRESS, "an address is 0x followed by 40 hex digits");
    }
    return new Address(lower);
  }

  public static boolean isAddress(String text) {
    return text != null && FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
