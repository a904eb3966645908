package org.cove.provider.internal.files;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are on the public internet, where Cove may fetch a publisher's file from without
 * the operator's say-so. Everything else is refused: loopback, private, link-local, CGNAT,
 * multicast, broadcast, unspecified, documentation, benchmarking and reserved addresses (IANA's
 * special-purpose registries), and IPv6 addresses that carry one of those IPv4 addresses inside
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4). Of IPv6 only global unicast ({@code 2000::/3})
 * counts, less its special-purpose blocks.
 */
final class PublicAddresses {

  private static final List<AddressBlock> NOT_PUBLIC_V4 =
      blocks(
          "0.0.0.0/8", // "this network", and 0.0.0.0 itself
          "10.0.0.0/8",
          "100.64.0.0/10", // carrier-grade NAT
          "127.0.0.0/8",
          "169.254.0.0/16", // link-local, where cloud metadata services answer
          "172.16.0.0/12",
          "192.0.0.0/24", // IETF protocol assignments
          "192.0.2.0/24", // documentation
          "192.88.99.0/24", // former 6to4 relays
          "192.168.0.0/16",
          "198.18.0.0/15", // benchmarking
          "198.51.100.0/24", // documentation
          "203.0.113.0/24", // documentation
          "224.0.0.0/4", // multicast
          "240.0.0.0/4"); // reserved, and 255.255.255.255

  private static final AddressBlock GLOBAL_UNICAST_V6 = AddressBlock.parse("2000::/3");

  private static final List<AddressBlock> NOT_PUBLIC_V6 =
      blocks(
          "2001::/23", // IETF protocol assignments: Teredo, benchmarking, ORCHID, …
          "2001:db8::/32", // documentation
          "3fff::/20"); // documentation

  /** IPv6 blocks whose last or inner 32 bits are an IPv4 address that is reached through them. */
  private static final AddressBlock MAPPED = AddressBlock.parse("::ffff:0:0/96");

  private static final AddressBlock COMPATIBLE = AddressBlock.parse("::/96");
  private static final AddressBlock NAT64 = AddressBlock.parse("64:ff9b::/96");
  private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("2002::/16");

  private PublicAddresses() {}

  static boolean isPublic(InetAddress address) {
    if (address instanceof Inet4Address) {
      return NOT_PUBLIC_V4.stream().noneMatch(b -> b.contains(address));
    }
    Optional<InetAddress> embedded = embeddedV4(address.getAddress());
    if (embedded.isPresent()) {
      return isPublic(embedded.get());
    }
    return GLOBAL_UNICAST_V6.contains(address)
        && NOT_PUBLIC_V6.stream().noneMatch(b -> b.contains(address));
  }

  /** The IPv4 address an IPv6 address stands for, where it stands for one. */
  private static Optional<InetAddress> embeddedV4(byte[] v6) {
    if (MAPPED.contains(v6) || COMPATIBLE.contains(v6) || NAT64.contains(v6)) {
      return Optional.of(v4(Arrays.copyOfRange(v6, 12, 16)));
    }
    if (SIX_TO_FOUR.contains(v6)) {
      return Optional.of(v4(Arrays.copyOfRange(v6, 2, 6)));
    }
    return Optional.empty();
  }

  private static InetAddress v4(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<AddressBlock> blocks(String... cidrs) {
    return Arrays.stream(cidrs).map(AddressBlock::parse).toList();
  }
}
