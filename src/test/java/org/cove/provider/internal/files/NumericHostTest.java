package org.cove.provider.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IPv4 numbers read as libc's inet_aton, curl and browsers read them. */
class NumericHostTest {

  @ParameterizedTest
  @CsvSource({
    "2130706433, 127.0.0.1",
    "0x7f.1, 127.0.0.1",
    "0x7f000001, 127.0.0.1",
    "017700000001, 127.0.0.1",
    "0177.0.0.1, 127.0.0.1",
    "127.1, 127.0.0.1",
    "127.0.1, 127.0.0.1",
    "127.0.0.01, 127.0.0.1",
    "127.0.0.1., 127.0.0.1",
    "0, 0.0.0.0",
    "0x, 0.0.0.0",
    "0XA9.0XFE.0XA9.0XFE, 169.254.169.254",
    "93.184.216.34, 93.184.216.34",
    "4294967295, 255.255.255.255",
  })
  void a_number_is_read_as_inet_aton_reads_it(String host, String address)
      throws UnknownHostException {
    assertThat(NumericHost.read(host)).contains(InetAddress.getByName(address));
  }

  @ParameterizedTest
  @ValueSource(strings = {"files.example", "1abc.example", "0x7f.example", "a.1", "", "1..2"})
  void a_name_is_no_number(String host) throws UnknownHostException {
    assertThat(NumericHost.read(host)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4294967296", "256.0.0.1", "1.2.3.4.5", "08.0.0.1", "1.2.65536"})
  void a_number_that_is_no_address_does_not_resolve(String host) {
    assertThatThrownBy(() -> NumericHost.read(host))
        .isInstanceOf(UnknownHostException.class)
        .hasMessage(OutboundPolicy.UNRESOLVED);
  }
}
