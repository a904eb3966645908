package org.cove.provider.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF matrix: which URLs Cove fetches from. Numeric spellings are read as in production; names
 * go through a test resolver that plays DNS.
 */
class OutboundPolicyTest {

  /**
   * Plays DNS: each name has the answer given, any other name is unknown; IPv6 literals are read as
   * the JDK reads them (it never asks DNS for those).
   */
  static OutboundPolicy.Resolver dns(Map<String, String[]> answers) {
    return host -> {
      String[] answer = answers.get(host);
      if (answer == null && host.matches("[0-9a-fA-FxX.:\\[\\]]+")) {
        return InetAddress.getAllByName(host);
      }
      if (answer == null) {
        throw new UnknownHostException("no such host in the test's DNS");
      }
      InetAddress[] addresses = new InetAddress[answer.length];
      for (int i = 0; i < answer.length; i++) {
        addresses[i] = PublicAddressesTest.address(answer[i]);
      }
      return addresses;
    };
  }

  static final OutboundPolicy.Resolver TEST_DNS =
      dns(
          Map.of(
              "files.example", new String[] {"93.184.216.34"},
              "localhost", new String[] {"127.0.0.1", "::1"},
              "metadata.example", new String[] {"169.254.169.254"},
              "rebind.example", new String[] {"93.184.216.34", "127.0.0.1"},
              "internal.example", new String[] {"10.0.0.5"},
              "v6.example", new String[] {"2606:4700::1111"},
              "ula.example", new String[] {"fd00::5"}));

  private static Optional<String> refusal(String url, String allow) {
    return new OutboundPolicy(OutboundAllowList.parse(allow), TEST_DNS).refusal(URI.create(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/",
        "http://127.0.0.1:9080/metrics",
        "http://localhost:9080/metrics",
        "http://[::1]:9080/",
        "http://0.0.0.0:9080/",
        "http://0:9080/",
        "http://[::]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://metadata.example/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.0.1/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://[fe80::1]/",
        "http://[fd00::5]/",
        "http://ula.example/",
        "http://[ff02::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fc00::1]/",
        "http://[ff05::2]/",
        "http://239.255.255.250/",
        "http://100.127.255.254/",
        "http://[::ffff:7f00:1]/",
        "http://[::127.0.0.1]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:7f00:1::]/",
        "http://2130706433/", // 127.0.0.1 as one decimal number
        "http://2852039166/", // 169.254.169.254 as one decimal number
        "http://internal.example/",
        "https://192.0.2.1/", // documentation
      })
  void a_url_to_a_private_or_local_address_is_refused(String url) {
    assertThat(refusal(url, "")).as(url).contains(OutboundPolicy.PRIVATE);
  }

  @Test
  void a_host_whose_answer_mixes_a_private_address_with_public_ones_is_refused_whole() {
    assertThat(refusal("http://rebind.example/file", "")).contains(OutboundPolicy.PRIVATE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://0x7f.1/",
        "http://0x7f000001/",
        "http://017700000001/", // octal
        "http://0177.0.0.1/", // the JDK alone reads this as the public 177.0.0.1
        "http://127.1/",
        "http://127.0.0.1./",
        "http://0/",
        "http://0xA9.0xFE.0xA9.0xFE/", // 169.254.169.254
        "http://0251.0376.0251.0376:8080/", // 169.254.169.254, in octal
        "http://100.64.1/",
        "http://0xe0000001/", // 224.0.0.1, multicast
      })
  void every_numeric_spelling_of_a_private_address_is_refused(String url) {
    OutboundPolicy policy = new OutboundPolicy(OutboundAllowList.NONE, InetAddress::getAllByName);

    assertThat(policy.refusal(URI.create(url))).as(url).contains(OutboundPolicy.PRIVATE);
  }

  @Test
  void a_numeric_spelling_is_connected_to_as_it_was_checked() throws UnknownHostException {
    OutboundPolicy policy =
        new OutboundPolicy(OutboundAllowList.parse("127.0.0.1:9000"), InetAddress::getAllByName);

    assertThat(policy.addresses("0177.0.0.1", 9000))
        .containsExactly(PublicAddressesTest.address("127.0.0.1"));
    assertThat(policy.addresses("0x7f.1", 9000))
        .containsExactly(PublicAddressesTest.address("127.0.0.1"));
  }

  @Test
  void a_public_host_is_fetched_from() {
    assertThat(refusal("https://files.example/data.csv", "")).isEmpty();
    assertThat(refusal("http://93.184.216.34:8080/a", "")).isEmpty();
    assertThat(refusal("http://v6.example/a", "")).isEmpty();
    assertThat(refusal("http://[2606:4700::1111]/a", "")).isEmpty();
  }

  @Test
  void only_http_and_https_are_fetched() {
    assertThat(refusal("ftp://files.example/data.csv", "")).contains(OutboundPolicy.NOT_HTTP);
    assertThat(refusal("file:///etc/passwd", "")).contains(OutboundPolicy.NOT_HTTP);
    assertThat(refusal("gopher://files.example/", "")).contains(OutboundPolicy.NOT_HTTP);
    assertThat(refusal("http:///no-host", "")).contains(OutboundPolicy.NOT_HTTP);
  }

  @Test
  void an_unknown_host_is_refused_as_unresolved() {
    assertThat(refusal("http://no-such-host.invalid/a", "")).contains(OutboundPolicy.UNRESOLVED);
  }

  @Test
  void the_allow_list_lets_named_storage_through_on_its_port() {
    assertThat(refusal("http://internal.example:9000/a", "internal.example:9000")).isEmpty();
    assertThat(refusal("http://internal.example:9001/a", "internal.example:9000"))
        .contains(OutboundPolicy.PRIVATE);
    assertThat(refusal("http://internal.example/a", "internal.example:80")).isEmpty();
    assertThat(refusal("https://internal.example/a", "internal.example:80"))
        .as("https is port 443")
        .contains(OutboundPolicy.PRIVATE);
  }

  @Test
  void an_allowed_address_is_allowed_in_every_spelling_and_no_other_is() {
    String allow = "127.0.0.1:18645";

    assertThat(refusal("http://127.0.0.1:18645/a", allow)).isEmpty();
    assertThat(refusal("http://2130706433:18645/a", allow)).isEmpty();
    assertThat(refusal("http://[::ffff:127.0.0.1]:18645/a", allow)).isEmpty();
    assertThat(refusal("http://127.0.0.1:18646/a", allow)).contains(OutboundPolicy.PRIVATE);
    assertThat(refusal("http://127.0.0.2:18645/a", allow)).contains(OutboundPolicy.PRIVATE);
    assertThat(refusal("http://[::1]:18645/a", allow)).contains(OutboundPolicy.PRIVATE);
    assertThat(refusal("http://localhost:18645/a", allow))
        .as("localhost also resolves to ::1, which is not allowed")
        .contains(OutboundPolicy.PRIVATE);
  }

  @Test
  void the_allow_list_lets_blocks_through_on_every_port() {
    String allow = "10.0.0.0/8";

    assertThat(refusal("http://internal.example:1234/a", allow)).isEmpty();
    assertThat(refusal("http://10.200.0.1/a", allow)).isEmpty();
    assertThat(refusal("http://192.168.0.1/a", allow)).contains(OutboundPolicy.PRIVATE);
    assertThat(refusal("http://[fd00::5]/a", "fd00::/8")).isEmpty();
  }

  @Test
  void a_refusal_never_names_the_url() {
    assertThat(refusal("http://secret-host.example.internal.example/x", ""))
        .get()
        .asString()
        .doesNotContain("secret");
  }
}
