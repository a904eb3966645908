package org.cove.provider.internal.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.cove.provider.ProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetch itself, against a file server on a loopback port: it connects only where the policy
 * allowed, to the address the policy checked, and follows no redirect.
 */
class UrlFetcherTest {

  private static final byte[] FILE = "a,b\n1,2\n".getBytes(UTF_8);

  private HttpServer server;
  private int port;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          if (exchange.getRequestURI().getPath().equals("/moved")) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/secret");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
          }
          exchange.sendResponseHeaders(200, FILE.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(FILE);
          }
        });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private UrlFetcher fetcher(String allow, OutboundPolicy.Resolver resolver) {
    return new UrlFetcher(new OutboundPolicy(OutboundAllowList.parse(allow), resolver));
  }

  private static byte[] read(UrlFetcher fetcher, String url) throws IOException {
    try (InputStream in = fetcher.open(URI.create(url))) {
      return in.readAllBytes();
    }
  }

  @Test
  void an_allowed_loopback_port_is_fetched() throws IOException {
    UrlFetcher fetcher = fetcher("127.0.0.1:" + port, InetAddress::getAllByName);

    assertThat(read(fetcher, "http://127.0.0.1:" + port + "/data.csv")).isEqualTo(FILE);
  }

  @Test
  void a_loopback_address_is_never_contacted_unless_allowed() {
    UrlFetcher fetcher = fetcher("", InetAddress::getAllByName);

    for (String url :
        List.of(
            "http://127.0.0.1:" + port + "/data.csv",
            "http://2130706433:" + port + "/data.csv",
            "http://[::ffff:127.0.0.1]:" + port + "/data.csv",
            "http://0x7f.1:" + port + "/data.csv",
            "http://0177.0.0.1:" + port + "/data.csv")) {
      ProviderException refused =
          catchThrowableOfType(ProviderException.class, () -> fetcher.open(URI.create(url)));
      assertThat(refused.type()).isEqualTo(ProviderException.FILE_UNAVAILABLE);
      assertThat(refused.detail()).contains("private or local").doesNotContain("127.0.0.1");
    }
    assertThat(requests).isEmpty();
  }

  @Test
  void a_redirect_is_not_followed_but_refused() {
    UrlFetcher fetcher = fetcher("127.0.0.1:" + port, InetAddress::getAllByName);

    ProviderException refused =
        catchThrowableOfType(
            ProviderException.class,
            () -> fetcher.open(URI.create("http://127.0.0.1:" + port + "/moved")));

    assertThat(refused.type()).isEqualTo(ProviderException.FILE_UNAVAILABLE);
    assertThat(refused.detail())
        .isEqualTo("the file's server answered 302, a redirect, which Cove does not follow");
    assertThat(requests).containsExactly("/moved");
  }

  @Test
  void the_connection_goes_to_the_address_checked_and_the_name_is_looked_up_once()
      throws IOException {
    // a name whose first answer is the allowed loopback server and every later one elsewhere: a
    // client that looked the name up again on its own would not reach the file
    AtomicInteger lookups = new AtomicInteger();
    OutboundPolicy.Resolver rebinding =
        host -> {
          if (!host.equals("files.test")) {
            throw new java.net.UnknownHostException("unknown");
          }
          return new InetAddress[] {
            InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")
          };
        };
    UrlFetcher fetcher = fetcher("127.0.0.1:" + port, rebinding);

    assertThat(read(fetcher, "http://files.test:" + port + "/data.csv")).isEqualTo(FILE);
    assertThat(lookups).hasValue(1);
  }

  @Test
  void every_fetch_checks_the_host_again() throws IOException {
    AtomicInteger lookups = new AtomicInteger();
    OutboundPolicy.Resolver counting =
        host -> {
          lookups.incrementAndGet();
          return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
    UrlFetcher fetcher = fetcher("127.0.0.1:" + port, counting);

    read(fetcher, "http://files.test:" + port + "/data.csv");
    read(fetcher, "http://files.test:" + port + "/data.csv");

    assertThat(lookups).as("no kept connection skips the check").hasValue(2);
  }

  @Test
  void a_name_allowed_at_publish_that_resolves_to_a_private_address_at_fetch_time_is_refused() {
    // DNS rebinding: public when the file is published, loopback when it is fetched
    AtomicInteger lookups = new AtomicInteger();
    OutboundPolicy.Resolver rebinding =
        host ->
            new InetAddress[] {
              InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")
            };
    OutboundPolicy policy = new OutboundPolicy(OutboundAllowList.NONE, rebinding);
    URI url = URI.create("http://files.test:" + port + "/data.csv");
    assertThat(policy.refusal(url)).as("accepted at publish").isEmpty();

    ProviderException refused =
        catchThrowableOfType(ProviderException.class, () -> new UrlFetcher(policy).open(url));

    assertThat(refused.type()).isEqualTo(ProviderException.FILE_UNAVAILABLE);
    assertThat(refused.detail()).contains("private or local").doesNotContain("files.test");
    assertThat(requests).isEmpty();
  }

  @Test
  void an_error_answer_is_unavailable_without_naming_the_url() {
    server.createContext(
        "/gone",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    UrlFetcher fetcher = fetcher("127.0.0.1:" + port, InetAddress::getAllByName);

    ProviderException refused =
        catchThrowableOfType(
            ProviderException.class,
            () -> fetcher.open(URI.create("http://127.0.0.1:" + port + "/gone")));

    assertThat(refused.detail()).isEqualTo("the file's server answered 404");
  }
}
