package org.cove.operator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.cove.shared.InvalidInputException;

/** A compute job's id: 128 random bits in hex, so ids cannot be guessed or enumerated. */
public record JobId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public JobId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new InvalidInputException("jobId is not a job id");
    }
  }

  public static JobId random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new JobId(HexFormat.of().formatHex(bytes));
  }

  /** Parses a job id given by a client; bad input is a 400, never a lookup. */
  public static JobId parse(String value) {
    return new JobId(value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
