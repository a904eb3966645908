package org.cove.provider.internal.files;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a host written as an IPv4 number the way libc's {@code inet_aton}, curl and browsers do:
 * one to four parts, each decimal, octal (a leading {@code 0}) or hex ({@code 0x}), the last
 * filling the bytes left ({@code 2130706433}, {@code 0x7f.1}, {@code 017700000001}, {@code
 * 0177.0.0.1} and {@code 127.1} are all 127.0.0.1). The JDK reads some of these differently ({@code
 * 0177.0.0.1} as the public 177.0.0.1) and refuses others; Cove takes the reading every other tool
 * takes, checks it, and connects to it, so that no spelling means one address to the check and
 * another to a person or a proxy.
 */
final class NumericHost {

  private static final Pattern PART = Pattern.compile("0x[0-9a-f]*|[0-9]+");

  private NumericHost() {}

  /**
   * The address a numeric host stands for; empty for a name.
   *
   * @throws UnknownHostException for a number that is no IPv4 address (a part too large, a bad
   *     digit)
   */
  static Optional<InetAddress> read(String host) throws UnknownHostException {
    String text = host.toLowerCase(Locale.ROOT);
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    String[] parts = text.split("\\.", -1);
    for (String part : parts) {
      if (!PART.matcher(part).matches()) {
        return Optional.empty(); // a name that starts with a digit, such as 1abc.example
      }
    }
    if (parts.length > 4) {
      throw new UnknownHostException(OutboundPolicy.UNRESOLVED);
    }
    long value = 0;
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      long limit = last ? (1L << (8 * (4 - i))) - 1 : 255;
      long part = part(parts[i]);
      if (part < 0 || part > limit) {
        throw new UnknownHostException(OutboundPolicy.UNRESOLVED);
      }
      value = last ? (value << (8 * (4 - i))) | part : (value << 8) | part;
    }
    byte[] bytes = {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
    return Optional.of(InetAddress.getByAddress(bytes));
  }

  /** One part's value, or -1 if it is not a number in its base or larger than any part may be. */
  private static long part(String part) {
    int radix = part.startsWith("0x") ? 16 : part.length() > 1 && part.startsWith("0") ? 8 : 10;
    String digits = radix == 16 ? part.substring(2) : part;
    if (digits.isEmpty()) {
      return radix == 16 ? 0 : -1;
    }
    try {
      BigInteger number = new BigInteger(digits, radix);
      return number.bitLength() > 32 ? -1 : number.longValue();
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
