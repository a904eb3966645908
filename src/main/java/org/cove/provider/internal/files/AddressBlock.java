package org.cove.provider.internal.files;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}): an address is in
 * it when its first {@code prefix} bits are the block's. IPv4 and IPv6 blocks never contain each
 * other's addresses.
 */
record AddressBlock(byte[] network, int prefix) {

  private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /**
   * @throws IllegalArgumentException when the text is not an address literal, a slash and a prefix
   *     length that fits it
   */
  static AddressBlock parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not an address block");
    }
    InetAddress address =
        literal(cidr.substring(0, slash))
            .orElseThrow(() -> new IllegalArgumentException("not an address block"));
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an address block");
    }
    byte[] bytes = address.getAddress();
    if (bytes.length == 4 && cidr.contains(":")) {
      bytes = mapped(bytes); // the JDK reads ::ffff:a.b.c.d as a.b.c.d; the block means the former
    }
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException("not an address block");
    }
    return new AddressBlock(bytes, prefix);
  }

  /**
   * The address an IP literal names: a dotted quad, or an IPv6 address with or without brackets.
   * Anything else is empty, and never looked up: a name is not a literal.
   */
  static Optional<InetAddress> literal(String text) {
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    try {
      if (DOTTED_QUAD.matcher(bare).matches()) {
        byte[] bytes = new byte[4];
        String[] parts = bare.split("\\.");
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(parts[i]);
          if (octet > 255) {
            return Optional.empty();
          }
          bytes[i] = (byte) octet;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
      if (!bare.contains(":")) {
        return Optional.empty();
      }
      // in brackets, the JDK parses an IPv6 literal or refuses it, and never asks DNS
      return Optional.of(InetAddress.getByName("[" + bare + "]"));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  /** Whether the address of these bytes (4 for IPv4, 16 for IPv6) is in the block. */
  boolean contains(byte[] bytes) {
    if (bytes.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    int mask = (0xff << (8 - rest)) & 0xff;
    return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
  }

  /** The IPv4-mapped IPv6 form of an IPv4 address, {@code ::ffff:a.b.c.d}. */
  static byte[] mapped(byte[] v4) {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xff;
    v6[11] = (byte) 0xff;
    System.arraycopy(v4, 0, v6, 12, 4);
    return v6;
  }
}
