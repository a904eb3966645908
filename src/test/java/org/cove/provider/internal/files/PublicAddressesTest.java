package org.cove.provider.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every class of address that is not on the public internet, in IPv4 and IPv6 spellings. */
class PublicAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1", // loopback
        "127.255.255.254",
        "10.0.0.1", // private
        "10.255.255.255",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254", // link-local: cloud metadata
        "169.254.0.1",
        "100.64.0.1", // carrier-grade NAT
        "100.127.255.255",
        "0.0.0.0", // unspecified, "this network"
        "0.1.2.3",
        "224.0.0.1", // multicast
        "239.255.255.250",
        "255.255.255.255", // broadcast
        "240.0.0.1", // reserved
        "192.0.0.8", // IETF protocol assignments
        "192.0.2.10", // documentation
        "198.51.100.7",
        "203.0.113.9",
        "198.18.0.1", // benchmarking
        "192.88.99.1", // former 6to4 relays
        "::1", // IPv6 loopback
        "::", // unspecified
        "fe80::1", // link-local
        "febf::1",
        "fc00::1", // unique local
        "fd12:3456::1",
        "ff02::1", // multicast
        "fec0::1", // former site-local
        "100::1", // discard-only
        "::ffff:127.0.0.1", // IPv4-mapped
        "::ffff:10.1.2.3",
        "::ffff:169.254.169.254",
        "::127.0.0.1", // IPv4-compatible
        "::10.0.0.1",
        "64:ff9b::7f00:1", // NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
        "64:ff9b:1::1", // local-use NAT64
        "2002:7f00:1::1", // 6to4 of 127.0.0.1
        "2002:c0a8:101::1", // 6to4 of 192.168.1.1
        "2001:db8::1", // documentation
        "3fff::1",
        "2001::1", // Teredo
        "2001:2::1", // benchmarking
      })
  void a_local_private_or_special_address_is_not_public(String literal) {
    assertThat(PublicAddresses.isPublic(address(literal))).as(literal).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "172.15.255.255", // just outside 172.16/12
        "172.32.0.1",
        "100.63.255.255", // just outside 100.64/10
        "100.128.0.1",
        "169.253.255.255",
        "11.0.0.1",
        "223.255.255.254",
        "2606:4700::1111",
        "2a00:1450:4001::1",
        "::ffff:8.8.8.8", // mapped public
        "64:ff9b::808:808", // NAT64 of 8.8.8.8
        "2002:808:808::1", // 6to4 of 8.8.8.8
      })
  void a_public_address_is_public(String literal) {
    assertThat(PublicAddresses.isPublic(address(literal))).as(literal).isTrue();
  }

  static InetAddress address(String literal) {
    return AddressBlock.literal(literal).orElseThrow(() -> new AssertionError(literal));
  }
}
