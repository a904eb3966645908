package org.cove.identity.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cove.identity.AuthenticationException;
import org.cove.shared.Address;
import org.cove.shared.DataDirectory;
import org.cove.shared.ProviderSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * This instance's own Ethereum key: configured (COVE_PROVIDER_KEY), or generated on first start and
 * kept in the data directory.
 */
@ApplicationScoped
class ProviderKey implements ProviderSigner {

  @Inject
  @ConfigProperty(name = "cove.provider.key")
  Optional<String> configuredKey;

  @Inject DataDirectory dataDirectory;

  private ECKeyPair key;
  private Address address;

  @PostConstruct
  void load() {
    key =
        configuredKey
            .map(KeyFiles::fromHex)
            .orElseGet(
                () ->
                    KeyFiles.loadOrCreate(dataDirectory.directory("keys").resolve("provider.key")));
    address = Address.parse("0x" + Keys.getAddress(key));
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
  public boolean verify(byte[] message, String signature, Address signer) {
    try {
      return PersonalSign.recover(message, signature).equals(signer);
    } catch (AuthenticationException e) {
      return false;
    }
  }
}
