package org.cove.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.api.AuthenticationIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.cove.shared.Hashes;
import org.cove.testing.CoveClient;
import org.cove.testing.CoveClient.Response;
import org.cove.testing.Ddos;
import org.cove.testing.TestFileServer;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access service in Ocean's shape: signed downloads of access services' files, proxied when
 * they live behind a URL; compute-only data never leaves but to its publisher.
 */
class DownloadIT {

  private static final byte[] SCRIPT = "print('public algorithm')\n".getBytes(UTF_8);
  private static final byte[] REMOTE = "remote,file\n1,2\n".getBytes(UTF_8);

  private static TestFileServer files;

  private final CoveClient cove = new CoveClient();
  private TestWallet publisher;
  private String publisherToken;
  private TestWallet consumer;
  private String remoteUrl;

  @BeforeAll
  static void startFileServer() {
    files = TestFileServer.start();
  }

  @AfterAll
  static void stopFileServer() {
    files.close();
  }

  @BeforeEach
  void start() {
    publisher = TestWallet.random();
    publisherToken = cove.signIn(publisher);
    consumer = TestWallet.random();
    remoteUrl = files.serve("/internal/share/remote.csv", REMOTE);
  }

  @Test
  void a_public_algorithms_file_downloads_with_a_signed_request() {
    String upload = cove.upload(publisherToken, "public.py", SCRIPT);
    String did =
        cove.publish(
                publisherToken,
                Ddos.algorithm(
                    "Public",
                    Ddos.service("access", "access", upload),
                    Ddos.service("compute", "compute", upload)))
            .getString("id");

    HttpResponse<byte[]> download = signedDownload(consumer, did, "access", 0);

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(SCRIPT);
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"public.py\"");
    assertThat(download.headers().map().toString()).doesNotContain(upload, "uploads");
  }

  @Test
  void a_url_backed_file_is_proxied_and_its_url_never_shown() {
    JsonObject ddo =
        Json.createObjectBuilder(Ddos.dataset("Remote", urlService("access", "access"))).build();
    Response published = cove.json("POST", "/api/v1/assets", publisherToken, ddo);
    String did = published.json().getString("id");

    HttpResponse<byte[]> download = signedDownload(consumer, did, "access", 0);

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(REMOTE);
    assertThat(published.body()).doesNotContain("127.0.0.1", "internal/share");
    assertThat(cove.get("/api/v1/assets/" + did).body())
        .doesNotContain("127.0.0.1", "internal/share");
    assertThat(cove.get("/api/v1/assets?publisher=" + publisher.address()).body())
        .doesNotContain("127.0.0.1", "internal/share");
    assertThat(download.headers().map().toString()).doesNotContain("127.0.0.1", "internal/share");
    assertThat(cove.get("/api/v1/ledger?subject=" + did, publisherToken).body())
        .doesNotContain("127.0.0.1", "internal/share");
  }

  @Test
  void a_url_file_that_no_longer_matches_its_declared_checksum_breaks_off() {
    String url = files.serve("/internal/share/declared.csv", REMOTE);
    JsonObject file =
        Json.createObjectBuilder()
            .add("type", "url")
            .add("url", url)
            .add("checksum", Hashes.sha256Hex(REMOTE))
            .build();
    String did =
        cove.publish(publisherToken, Ddos.dataset("Declared", serviceOf(file))).getString("id");
    assertThat(signedDownload(consumer, did, "access", 0).body()).isEqualTo(REMOTE);

    byte[] changed = "remote,file\n1,2\n3,4\n".getBytes(UTF_8);
    files.serve("/internal/share/declared.csv", changed);

    // a small file fails before the response begins: a problem (a large one breaks off before
    // its last byte, which is held back until the hash is known)
    HttpResponse<byte[]> refused = signedDownload(consumer, did, "access", 0);
    String body = new String(refused.body(), UTF_8);
    assertThat(refused.statusCode()).as(body).isEqualTo(409);
    assertThat(body).contains("file-changed", "dataset_changed").doesNotContain("127.0.0.1");
    assertThat(body).doesNotContain("3,4");
  }

  @Test
  void compute_only_data_never_downloads_but_to_its_publisher() {
    String upload = cove.upload(publisherToken, "secret.csv", REMOTE);
    String did =
        cove.publish(
                publisherToken, Ddos.dataset("Secret", Ddos.service("compute", "compute", upload)))
            .getString("id");

    Response refused = cove.get(signedQuery(consumer, did, "compute", 0));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("reason")).isEqualTo("compute_only");

    HttpResponse<byte[]> own = signedDownload(publisher, did, "compute", 0);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(REMOTE);
  }

  @Test
  void a_priced_service_asks_for_payment() {
    String upload = cove.upload(publisherToken, "priced.csv", REMOTE);
    JsonObject priced =
        Json.createObjectBuilder(Ddos.service("access", "access", upload))
            .add("price", Json.createObjectBuilder().add("amount", "2.5"))
            .build();
    String did = cove.publish(publisherToken, Ddos.dataset("Priced", priced)).getString("id");

    assertProblem(cove.get(signedQuery(consumer, did, "access", 0)), 402, "payment_required");
  }

  @Test
  void a_download_is_in_the_consumers_ledger_and_a_replayed_signature_is_refused() {
    String upload = cove.upload(publisherToken, "open.csv", REMOTE);
    String did =
        cove.publish(publisherToken, Ddos.dataset("Open", Ddos.service("access", "access", upload)))
            .getString("id");
    String nonce = String.valueOf(nonce(consumer) + 1);
    String query = query(consumer, did, "access", 0, nonce);

    assertThat(cove.get(query).status()).isEqualTo(200);
    assertProblem(cove.get(query), 401, "invalid-nonce");

    JsonObject entries = cove.get("/api/v1/ledger?kind=downloaded", cove.signIn(consumer)).json();
    assertThat(entries.getJsonArray("items").getJsonObject(0).getString("subject")).isEqualTo(did);
  }

  @Test
  void a_bearer_token_works_instead_of_a_signature() {
    String upload = cove.upload(publisherToken, "open.csv", REMOTE);
    String did =
        cove.publish(publisherToken, Ddos.dataset("Open", Ddos.service("access", "access", upload)))
            .getString("id");

    Response download =
        cove.get(
            "/api/services/download?documentId=" + did + "&serviceId=access&fileIndex=0",
            cove.signIn(consumer));

    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(new String(REMOTE, UTF_8));
  }

  @Test
  void a_datasets_sample_is_public() {
    String data = cove.upload(publisherToken, "full.csv", REMOTE);
    String sample = cove.upload(publisherToken, "sample.csv", "remote,file\n".getBytes(UTF_8));
    JsonObject ddo =
        Json.createObjectBuilder(Ddos.dataset("Sampled", Ddos.service("compute", "compute", data)))
            .add("sample", Json.createObjectBuilder().add("type", "upload").add("id", sample))
            .build();
    JsonObject published = cove.publish(publisherToken, ddo);
    assertThat(published.getJsonObject("cove").getBoolean("hasSample")).isTrue();

    Response download = cove.get("/api/v1/assets/" + published.getString("id") + "/sample");

    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo("remote,file\n");
  }

  @Test
  void bad_download_requests_are_client_errors() {
    String upload = cove.upload(publisherToken, "open.csv", REMOTE);
    String did =
        cove.publish(publisherToken, Ddos.dataset("Open", Ddos.service("access", "access", upload)))
            .getString("id");
    String token = cove.signIn(consumer);

    assertProblem(cove.get("/api/services/download?serviceId=access", token), 400, "invalid-did");
    assertProblem(
        cove.get("/api/services/download?documentId=" + did, token), 400, "invalid-request");
    assertProblem(
        cove.get(
            "/api/services/download?documentId=" + did + "&serviceId=access&fileIndex=7", token),
        404,
        "not-found");
    assertProblem(
        cove.get("/api/services/download?documentId=" + did + "&serviceId=nope", token),
        403,
        "not-permitted");
    assertProblem(
        cove.get(
            "/api/services/download?documentId=did:op:" + "0".repeat(64) + "&serviceId=a", token),
        404,
        "not-found");
    assertProblem(
        cove.get("/api/services/download?documentId=" + did + "&serviceId=access"),
        401,
        "unauthenticated");
    assertProblem(cove.get("/api/v1/assets/" + did + "/sample"), 404, "not-found");
  }

  private JsonObject urlService(String id, String type) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("type", type)
        .add(
            "files",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "url").add("url", remoteUrl)))
        .build();
  }

  private static JsonObject serviceOf(JsonObject file) {
    return Json.createObjectBuilder()
        .add("id", "access")
        .add("type", "access")
        .add("files", Json.createArrayBuilder().add(file))
        .build();
  }

  private HttpResponse<byte[]> signedDownload(
      TestWallet wallet, String did, String service, int file) {
    return cove.getBytes(signedQuery(wallet, did, service, file));
  }

  private String signedQuery(TestWallet wallet, String did, String service, int file) {
    return query(wallet, did, service, file, String.valueOf(nonce(wallet) + 1));
  }

  private static String query(
      TestWallet wallet, String did, String service, int file, String nonce) {
    return "/api/services/download?documentId="
        + did
        + "&serviceId="
        + service
        + "&fileIndex="
        + file
        + "&consumerAddress="
        + wallet.address()
        + "&nonce="
        + nonce
        + "&signature="
        + wallet.signRequest(nonce, "downloadEndpoint");
  }

  private long nonce(TestWallet wallet) {
    return cove.get("/api/services/nonce?userAddress=" + wallet.address())
        .json()
        .getJsonNumber("nonce")
        .longValue();
  }
}
