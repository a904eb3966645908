package org.cove.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP client for the Cove the integration tests started (system property cove.it.url, set by
 * the build).
 */
public final class CoveClient {

  /**
   * HTTP/1.1: with the default (HTTP/2 over cleartext upgrade), twenty concurrent requests on one
   * connection wedged Liberty's h2 channel (its writer threads waiting on each other) and every
   * later request of the run timed out.
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String baseUrl;

  public CoveClient() {
    this(System.getProperty("cove.it.url", "http://localhost:9181"));
  }

  public CoveClient(String baseUrl) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  /** A GET whose body is bytes, e.g. a download. */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("Cove did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response get(String path, String bearerToken) {
    return send(request(path).header("Authorization", "Bearer " + bearerToken).GET());
  }

  public Response postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response postJson(String path, JsonObject json) {
    return postJson(path, json.toString());
  }

  public Response post(String path, String bearerToken) {
    return send(
        request(path)
            .header("Authorization", "Bearer " + bearerToken)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** A JSON request with a bearer token: POST, PUT or any other method. */
  public Response json(String method, String path, String bearerToken, JsonObject body) {
    return send(
        request(path)
            .header("Authorization", "Bearer " + bearerToken)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Uploads a file for an asset; returns its upload id. */
  public String upload(String bearerToken, String filename, byte[] content) {
    Response response =
        send(
            request("/api/v1/files?filename=" + encode(filename))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    if (response.status() != 201) {
      throw new IllegalStateException("upload failed: " + response.body());
    }
    return response.json().getString("id");
  }

  /** Publishes a DDO; returns the published DDO. */
  public JsonObject publish(String bearerToken, JsonObject ddo) {
    Response response = json("POST", "/api/v1/assets", bearerToken, ddo);
    if (response.status() != 201) {
      throw new IllegalStateException("publish failed: " + response.body());
    }
    return response.json();
  }

  public Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException("Cove did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Signs in with Sign-In with Ethereum and returns the bearer token. */
  public String signIn(TestWallet wallet) {
    JsonObject challenge = get("/api/v1/auth/siwe?address=" + wallet.address()).json();
    String message = challenge.getString("message");
    Response response =
        postJson(
            "/api/v1/auth/siwe",
            Json.createObjectBuilder()
                .add("message", message)
                .add("signature", wallet.personalSign(message))
                .build());
    if (response.status() != 200) {
      throw new IllegalStateException("sign-in failed: " + response.body());
    }
    return response.json().getString("token");
  }

  /** An HTTP answer with helpers for JSON bodies. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(raw.body())).readObject();
    }

    public JsonValue jsonValue() {
      return Json.createReader(new StringReader(raw.body())).readValue();
    }

    public String contentType() {
      return header("Content-Type");
    }
  }
}
