package org.cove.identity.internal;

import static org.cove.shared.Jsons.JSON;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens are JWTs (HS256) whose payload names the account ({@code address}), because Ocean's
 * client library reads the address out of the token it is given. The signature lets Cove throw away
 * forged tokens without a database look-up; whether a token is still valid (not expired, not
 * revoked) is decided by the token table.
 */
final class TokenFormat {

  static final int MAX_LENGTH = 512;

  private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private TokenFormat() {}

  static String issue(
      byte[] key, String checksummedAddress, Instant issuedAt, Instant expiresAt, String id) {
    String payload =
        encode(
            JSON.createObjectBuilder()
                .add("address", checksummedAddress)
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", id)
                .build()
                .toString());
    String signingInput = HEADER + "." + payload;
    return signingInput + "." + BASE64URL.encodeToString(hmac(key, signingInput));
  }

  /** Whether the token is a JWT this server signed (with {@code key}); says nothing of expiry. */
  static boolean isSignedWith(byte[] key, String token) {
    if (token == null || token.length() > MAX_LENGTH) {
      return false;
    }
    int lastDot = token.lastIndexOf('.');
    if (lastDot < 0 || !token.startsWith(HEADER + ".")) {
      return false;
    }
    byte[] expected = hmac(key, token.substring(0, lastDot));
    byte[] actual;
    try {
      actual = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, actual);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(byte[] key, String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
