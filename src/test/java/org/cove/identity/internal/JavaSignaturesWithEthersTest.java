package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cove.identity.internal.SignatureVectors.Key;
import org.cove.shared.Address;
import org.cove.shared.Hashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures made by {@link PersonalSign} must be ones JavaScript clients accept: ethers recovers
 * them with {@code src/test/js/verify-java-signatures.mjs}. Skipped where node or the package's
 * dependencies ({@code npm ci} in src/test/js) are missing.
 */
class JavaSignaturesWithEthersTest {

  private static final Path JS_DIR = Path.of(System.getProperty("basedir", "."), "src/test/js");

  @TempDir Path temp;

  @BeforeEach
  void requireNodeAndEthers() {
    assumeTrue(
        Files.isDirectory(JS_DIR.resolve("node_modules/ethers")),
        "run npm ci in src/test/js to check Java signatures with ethers");
    assumeTrue(nodeRuns(), "node is not on the PATH");
  }

  @Test
  void signatures_made_in_java_are_recovered_by_ethers() throws Exception {
    Key first = SignatureVectors.keys().get(0);
    Key second = SignatureVectors.keys().get(1);
    String siwe = SiweFormat.format(signInMessage(first.address()));
    String multibyte = "Grüße aus Zürich ✓ 🚀";
    byte[] request = PersonalSign.oceanRequestHash(second.address(), "1700000000000", "initialize");

    JsonArrayBuilder entries =
        Json.createArrayBuilder()
            .add(text(siwe, PersonalSign.sign(utf8(siwe), first.keyPair()), first.address()))
            .add(
                text(
                    multibyte,
                    PersonalSign.sign(utf8(multibyte), second.keyPair()),
                    Address.parse(second.address()).value()))
            .add(
                Json.createObjectBuilder()
                    .add("message", "0x" + Hashes.hex(request))
                    .add("encoding", "hex")
                    .add("signature", PersonalSign.sign(request, second.keyPair()))
                    .add("address", second.address()));

    assertThat(verifyWithEthers(entries)).isZero();
  }

  @Test
  void ethers_check_fails_for_a_signature_attributed_to_another_address() throws Exception {
    Key first = SignatureVectors.keys().get(0);
    Key second = SignatureVectors.keys().get(1);
    String message = "Sign in to Cove.";

    JsonArrayBuilder entries =
        Json.createArrayBuilder()
            .add(
                text(message, PersonalSign.sign(utf8(message), first.keyPair()), second.address()));

    assertThat(verifyWithEthers(entries)).isEqualTo(1);
  }

  private int verifyWithEthers(JsonArrayBuilder entries) throws IOException, InterruptedException {
    Path file = temp.resolve("java-signatures.json");
    Files.writeString(file, entries.build().toString(), StandardCharsets.UTF_8);
    Process node =
        new ProcessBuilder("node", "verify-java-signatures.mjs", file.toString())
            .directory(JS_DIR.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A guard against a hung build, not a timing assertion.
    assertThat(node.waitFor(2, TimeUnit.MINUTES)).as("node finished").isTrue();
    System.out.print(output);
    return node.exitValue();
  }

  private static SiweMessage signInMessage(String address) {
    Instant issued = Instant.parse("2025-01-02T03:04:05Z");
    return new SiweMessage(
        Optional.empty(),
        "localhost:9080",
        address,
        Optional.of("Sign in to Cove."),
        "http://localhost:9080/",
        "1",
        8996,
        "k3Rb8Qx2LmZp7Vt4Hs9Wc1Ny",
        issued,
        Optional.of(issued.plusSeconds(300)),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  private static JsonObjectBuilder text(String message, String signature, String address) {
    return Json.createObjectBuilder()
        .add("message", message)
        .add("signature", signature)
        .add("address", address);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean nodeRuns() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      node.getInputStream().readAllBytes();
      return node.waitFor(1, TimeUnit.MINUTES) && node.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
