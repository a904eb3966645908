package org.cove.identity.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;
import org.web3j.crypto.ECKeyPair;

/**
 * The signatures in {@code vectors/signatures.json}, made with ethers by {@code
 * src/test/js/generate-signature-vectors.mjs}: an implementation independent of the web3j code Cove
 * verifies with.
 */
final class SignatureVectors {

  /** What Cove must make of a request signature. */
  enum Outcome {
    /** Recovers the request's address. */
    ACCEPTED,
    /** A well-formed signature, but another key's or over another request: a different address. */
    OTHER_SIGNER,
    /** Not a signature Cove accepts at all. */
    REFUSED;

    static Outcome of(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** An Ocean-style signed request: personal_sign over keccak256(address + nonce + command). */
  record Request(
      String name,
      String address,
      String nonce,
      String command,
      String hash,
      String signature,
      Outcome expected,
      Optional<String> recovers) {

    @Override
    public String toString() {
      return name;
    }
  }

  /** An EIP-191 personal_sign signature over UTF-8 text. */
  record Text(String name, String message, String address, String signature) {

    @Override
    public String toString() {
      return name;
    }
  }

  record Key(String address, ECKeyPair keyPair) {}

  private static final JsonObject DOCUMENT = load();

  private SignatureVectors() {}

  static Stream<Request> requests() {
    return DOCUMENT.getJsonArray("oceanRequests").getValuesAs(JsonObject.class).stream()
        .map(SignatureVectors::request);
  }

  static Stream<Request> requests(Outcome expected) {
    return requests().filter(r -> r.expected() == expected);
  }

  static Request request(String name) {
    return requests()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no request vector " + name));
  }

  static Stream<Text> texts() {
    return DOCUMENT.getJsonArray("personalSign").getValuesAs(JsonObject.class).stream()
        .map(
            o ->
                new Text(
                    o.getString("name"),
                    o.getString("message"),
                    o.getString("address"),
                    o.getString("signature")));
  }

  static Text text(String name) {
    return texts()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no text vector " + name));
  }

  static List<Key> keys() {
    return DOCUMENT.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
        .map(
            o ->
                new Key(
                    o.getString("address"),
                    ECKeyPair.create(new BigInteger(o.getString("privateKey").substring(2), 16))))
        .toList();
  }

  /** The key that signed every vector expected to be accepted. */
  static Key signer() {
    return keys().get(0);
  }

  private static Request request(JsonObject o) {
    return new Request(
        o.getString("name"),
        o.getString("address"),
        o.getString("nonce"),
        o.getString("command"),
        o.getString("hash"),
        o.getString("signature"),
        Outcome.of(o.getString("expected")),
        Optional.ofNullable(o.getString("recovers", null)));
  }

  private static JsonObject load() {
    try (InputStream in = SignatureVectors.class.getResourceAsStream("/vectors/signatures.json")) {
      if (in == null) {
        throw new IllegalStateException("vectors/signatures.json is not on the test classpath");
      }
      try (JsonReader reader = Json.createReader(in)) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
