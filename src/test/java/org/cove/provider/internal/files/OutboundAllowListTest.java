package org.cove.provider.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cove.provider.internal.files.PublicAddressesTest.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's exceptions: named hosts on a port, addresses on a port, whole blocks. */
class OutboundAllowListTest {

  @Test
  void empty_allows_nothing() {
    OutboundAllowList none = OutboundAllowList.parse("");

    assertThat(none.allowsName("localhost", 80)).isFalse();
    assertThat(none.allowsAddress(address("127.0.0.1"), 80)).isFalse();
    assertThat(OutboundAllowList.parse(" , ").allowsAddress(address("10.0.0.1"), 80)).isFalse();
  }

  @Test
  void a_name_is_allowed_on_its_port_only_in_any_letter_case() {
    OutboundAllowList list = OutboundAllowList.parse("Files.Internal:9000");

    assertThat(list.allowsName("files.internal", 9000)).isTrue();
    assertThat(list.allowsName("FILES.internal.", 9000)).isTrue();
    assertThat(list.allowsName("files.internal", 9001)).isFalse();
    assertThat(list.allowsName("other.internal", 9000)).isFalse();
    assertThat(list.allowsAddress(address("10.0.0.5"), 9000)).isFalse();
  }

  @Test
  void an_address_is_allowed_on_its_port_only() {
    OutboundAllowList list = OutboundAllowList.parse("127.0.0.1:18645, [fd00::5]:443");

    assertThat(list.allowsAddress(address("127.0.0.1"), 18645)).isTrue();
    assertThat(list.allowsAddress(address("127.0.0.1"), 9080)).isFalse();
    assertThat(list.allowsAddress(address("127.0.0.2"), 18645)).isFalse();
    assertThat(list.allowsAddress(address("fd00::5"), 443)).isTrue();
    assertThat(list.allowsName("127.0.0.1", 18645)).as("an address is no name").isFalse();
  }

  @Test
  void a_block_allows_every_port_of_its_addresses() {
    OutboundAllowList list = OutboundAllowList.parse("10.1.0.0/16,fd00::/8");

    assertThat(list.allowsAddress(address("10.1.2.3"), 80)).isTrue();
    assertThat(list.allowsAddress(address("10.1.255.255"), 65535)).isTrue();
    assertThat(list.allowsAddress(address("10.2.0.1"), 80)).isFalse();
    assertThat(list.allowsAddress(address("fd12::1"), 9000)).isTrue();
    assertThat(list.allowsAddress(address("fe80::1"), 9000)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "files.internal", // no port
        "10.0.0.5", // no port, no prefix
        "files.internal:0",
        "files.internal:70000",
        "files.internal:http",
        "10.0.0.0/33",
        "10.0.0.0/x",
        "files.internal/8",
        "fd00::5:443", // an IPv6 address with a port needs brackets
        "under_score.internal:80",
        "http://files.internal:80",
      })
  void a_malformed_entry_is_refused_by_position_not_by_text(String entry) {
    assertThatThrownBy(() -> OutboundAllowList.parse("ok.internal:80," + entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 2")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(entry));
  }
}
