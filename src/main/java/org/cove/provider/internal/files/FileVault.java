package org.cove.provider.internal.files;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.cove.provider.FileSource;
import org.cove.shared.ProviderSecrets;

/**
 * Encrypts file references (upload ids, URLs) with AES-256-GCM under a key derived from the
 * provider key. Each ciphertext is bound to its asset, service and position (as associated data),
 * so references cannot be swapped between rows either.
 */
@ApplicationScoped
class FileVault {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ProviderSecrets secrets;
  private SecretKey key;

  @Inject
  FileVault(ProviderSecrets secrets) {
    this.secrets = secrets;
  }

  /** For CDI's proxy. */
  protected FileVault() {}

  private SecretKey key() {
    if (key == null) {
      key = secrets.key("file references");
    }
    return key;
  }

  byte[] seal(FileSource source, String binding) {
    JsonObject reference =
        source instanceof FileSource.Upload upload
            ? JSON.createObjectBuilder().add("kind", "upload").add("id", upload.uploadId()).build()
            : JSON.createObjectBuilder()
                .add("kind", "url")
                .add("url", ((FileSource.Url) source).url().toString())
                .build();
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(reference.toString().getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  FileSource open(byte[] sealed, String binding) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
      JsonObject reference =
          JSON.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8)))
              .readObject();
      return switch (reference.getString("kind")) {
        case "upload" -> new FileSource.Upload(reference.getString("id"));
        default -> new FileSource.Url(java.net.URI.create(reference.getString("url")));
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a file reference does not decrypt: wrong key or tampered", e);
    }
  }

  static String binding(String did, String serviceId, int position) {
    return did + "|" + serviceId + "|" + position;
  }
}
