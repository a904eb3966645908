package org.cove.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The publisher's internal file server for tests that publish URL-backed files: on the loopback
 * port the test server is allowed to fetch from ({@code cove.it.files.port}, allowed through {@code
 * cove.outbound.allow}), serving whatever a test puts at a path, and counting the fetches.
 */
public final class TestFileServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

  private TestFileServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on the allowed port; one class at a time uses it. */
  public static TestFileServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port()), 0);
      TestFileServer files = new TestFileServer(server);
      server.createContext("/", files::answer);
      server.start();
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("the test file server cannot listen on " + port(), e);
    }
  }

  /** The port the test server may fetch from. */
  public static int port() {
    return Integer.parseInt(System.getProperty("cove.it.files.port", "9189"));
  }

  /** Serves {@code content} at {@code path} (from now on, instead of anything before). */
  public String serve(String path, byte[] content) {
    files.put(path, content);
    return url(path);
  }

  /** Answers {@code path} with a 302 to {@code location}. */
  public String redirect(String path, String location) {
    redirects.put(path, location);
    return url(path);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** How many times the path was fetched. */
  public int fetches(String path) {
    return fetches.getOrDefault(path, new AtomicInteger()).get();
  }

  private void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    String location = redirects.get(path);
    if (location != null) {
      exchange.getResponseHeaders().add("Location", location);
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
      return;
    }
    byte[] content = files.get(path);
    if (content == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(200, content.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(content);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
