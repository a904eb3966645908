package org.cove.identity.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.cove.identity.AuthenticationException;
import org.cove.identity.ProviderTransactions;
import org.cove.identity.UnsignedTransaction;
import org.cove.shared.Address;
import org.cove.shared.DataDirectory;
import org.cove.shared.ProviderSecrets;
import org.cove.shared.ProviderSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * This instance's own Ethereum key: configured (COVE_PROVIDER_KEY), or generated on first start and
 * kept in the data directory. It signs messages (checkpoints), derives secrets, and signs the
 * ledger's anchor transactions.
 */
@ApplicationScoped
class ProviderKey implements ProviderSigner, ProviderSecrets, ProviderTransactions {

  private Optional<String> configuredKey;
  private DataDirectory dataDirectory;
  private ECKeyPair key;
  private Address address;
  private byte[] tokenKey;

  @Inject
  ProviderKey(
      @ConfigProperty(name = "cove.provider.key") Optional<String> configuredKey,
      DataDirectory dataDirectory) {
    this.configuredKey = configuredKey;
    this.dataDirectory = dataDirectory;
  }

  /** For CDI's proxy. */
  protected ProviderKey() {}

  @PostConstruct
  void load() {
    key =
        configuredKey
            .map(KeyFiles::fromHex)
            .orElseGet(
                () ->
                    KeyFiles.loadOrCreate(dataDirectory.directory("keys").resolve("provider.key")));
    address = Address.parse("0x" + Keys.getAddress(key));
    tokenKey = key("bearer tokens").getEncoded();
  }

  /** The HMAC key of bearer tokens, derived from the provider key so that it needs no file. */
  byte[] tokenKey() {
    return tokenKey.clone();
  }

  /** HMAC-SHA256 of the purpose under the private key: an HKDF-style expansion of one key. */
  @Override
  public SecretKey key(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getPrivateKey().toByteArray(), "HmacSHA256"));
      return new SecretKeySpec(mac.doFinal(("cove:" + purpose).getBytes(UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  @Override
  public Address address() {
    return address;
  }

  @Override
  public String sign(byte[] message) {
    return PersonalSign.sign(message, key);
  }

  @Override
  public String sign(UnsignedTransaction t) {
    return TransactionSigning.sign(t, key);
  }

  @Override
  public boolean verify(byte[] message, String signature, Address signer) {
    try {
      return PersonalSign.recover(message, signature).equals(signer);
    } catch (AuthenticationException e) {
      return false;
    }
  }
}
