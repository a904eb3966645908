package org.cove.provider.internal.files;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.cove.provider.ProviderException;

/**
 * Fetches URL-backed files. The connection goes only to addresses {@link OutboundPolicy} checked,
 * through the client's {@link DnsResolver} hook: it resolves once and checks every address, and the
 * client connects to what it returns, with no lookup of its own. Every fetch makes a new
 * connection, so every fetch is checked. No proxy, no redirects (a file URL names the file, and a
 * redirect could lead anywhere), no retries, no decompression (the bytes hashed are the bytes
 * served). Failures never name the URL, since callers may be consumers who must not learn it.
 */
@ApplicationScoped
class UrlFetcher {

  private CloseableHttpClient http;

  @Inject
  UrlFetcher(OutboundPolicy policy) {
    this.http = client(policy);
  }

  /** For CDI's proxy. */
  protected UrlFetcher() {}

  @PreDestroy
  void close() {
    if (http != null) {
      http.close(CloseMode.IMMEDIATE);
    }
  }

  /** The response body of a 200; the caller closes it. */
  InputStream open(URI url) {
    OutboundPolicy.Target target;
    try {
      target = OutboundPolicy.target(url);
    } catch (OutboundPolicy.Refused e) {
      throw unavailable("the file's URL " + e.getMessage());
    }
    HttpGet get = new HttpGet(pathAndQuery(url));
    ClassicHttpResponse response;
    try {
      response =
          http.executeOpen(new HttpHost(target.scheme(), target.host(), target.port()), get, null);
    } catch (OutboundPolicy.Refused e) {
      throw unavailable("the file's URL " + e.getMessage() + ", which Cove does not fetch from");
    } catch (IOException e) {
      throw unavailable("the file's server cannot be reached");
    }
    int code = response.getCode();
    if (code != 200) {
      get.cancel();
      closeQuietly(response);
      throw unavailable(
          "the file's server answered "
              + code
              + (code >= 300 && code < 400 ? ", a redirect, which Cove does not follow" : ""));
    }
    HttpEntity entity = response.getEntity();
    try {
      return new Body(
          entity == null ? InputStream.nullInputStream() : entity.getContent(), get, response);
    } catch (IOException e) {
      closeQuietly(response);
      throw unavailable("the file's server cannot be reached");
    }
  }

  private static CloseableHttpClient client(OutboundPolicy policy) {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedResolver(policy))
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(Timeout.ofSeconds(60))
                        .build())
                .setMaxConnPerRoute(20)
                .setMaxConnTotal(100)
                .build())
        .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
        // no kept connection: each fetch resolves and checks its host again, as a pooled one
        // would not, and never meets a connection its server dropped meanwhile
        .setConnectionReuseStrategy((request, response, context) -> false)
        .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableContentCompression()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent("Cove")
        .build();
  }

  private static String pathAndQuery(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException ignored) {
      // the connection is given up either way
    }
  }

  private static ProviderException unavailable(String why) {
    return new ProviderException(ProviderException.FILE_UNAVAILABLE, why);
  }

  /** The client's only way to a host's addresses: the policy's checked ones. */
  private record CheckedResolver(OutboundPolicy policy) implements DnsResolver {

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      return policy.addresses(host, port).stream()
          .map(address -> new InetSocketAddress(address, port))
          .toList();
    }

    /** Without a port no host:port entry can match: public addresses (and blocks) only. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return policy.addresses(host, -1).toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }

  /**
   * A response body that, closed before its end, drops the connection rather than reading the rest
   * of a possibly large file to keep it.
   */
  private static final class Body extends FilterInputStream {
    private final HttpGet request;
    private final ClassicHttpResponse response;
    private boolean ended;

    Body(InputStream content, HttpGet request, ClassicHttpResponse response) {
      super(content);
      this.request = request;
      this.response = response;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      ended |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      ended |= n < 0;
      return n;
    }

    @Override
    public void close() {
      if (!ended) {
        request.cancel();
      }
      closeQuietly(response);
    }
  }
}
