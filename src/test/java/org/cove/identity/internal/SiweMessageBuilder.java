package org.cove.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sign-In with Ethereum messages for tests: valid for this server at {@link #ISSUED_AT}. */
final class SiweMessageBuilder {

  static final String ADDRESS = "0x09718F0dea2d94D3Ce8D38CE483094630Bd49caf";
  static final Instant ISSUED_AT = Instant.parse("2025-01-02T03:04:05Z");

  private Optional<String> scheme = Optional.empty();
  private String domain = "localhost:9080";
  private String address = ADDRESS;
  private Optional<String> statement = Optional.of("Sign in to Cove.");
  private String uri = "http://localhost:9080/";
  private String version = "1";
  private long chainId = 8996;
  private String nonce = "k3Rb8Qx2LmZp7Vt4Hs9Wc1Ny";
  private Instant issuedAt = ISSUED_AT;
  private Optional<Instant> expirationTime = Optional.of(ISSUED_AT.plusSeconds(300));
  private Optional<Instant> notBefore = Optional.empty();
  private Optional<String> requestId = Optional.empty();
  private List<String> resources = List.of();

  static SiweMessageBuilder siwe() {
    return new SiweMessageBuilder();
  }

  SiweMessageBuilder scheme(String value) {
    scheme = Optional.ofNullable(value);
    return this;
  }

  SiweMessageBuilder domain(String value) {
    domain = value;
    return this;
  }

  SiweMessageBuilder address(String value) {
    address = value;
    return this;
  }

  SiweMessageBuilder statement(String value) {
    statement = Optional.ofNullable(value);
    return this;
  }

  SiweMessageBuilder uri(String value) {
    uri = value;
    return this;
  }

  SiweMessageBuilder version(String value) {
    version = value;
    return this;
  }

  SiweMessageBuilder chainId(long value) {
    chainId = value;
    return this;
  }

  SiweMessageBuilder nonce(String value) {
    nonce = value;
    return this;
  }

  SiweMessageBuilder issuedAt(Instant value) {
    issuedAt = value;
    return this;
  }

  SiweMessageBuilder expirationTime(Instant value) {
    expirationTime = Optional.ofNullable(value);
    return this;
  }

  SiweMessageBuilder notBefore(Instant value) {
    notBefore = Optional.ofNullable(value);
    return this;
  }

  SiweMessageBuilder requestId(String value) {
    requestId = Optional.ofNullable(value);
    return this;
  }

  SiweMessageBuilder resources(List<String> value) {
    resources = value;
    return this;
  }

  SiweMessage build() {
    return new SiweMessage(
        scheme,
        domain,
        address,
        statement,
        uri,
        version,
        chainId,
        nonce,
        issuedAt,
        expirationTime,
        notBefore,
        requestId,
        resources);
  }

  String text() {
    return SiweFormat.format(build());
  }
}
