package org.cove.identity.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cove.identity.Role;
import org.cove.shared.Address;
import org.cove.shared.DataDirectory;
import org.cove.shared.RunMode;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The demo accounts' keys, generated on the first development start and kept in the data directory
 * so that the demo identities survive restarts. Production mode has none.
 */
@ApplicationScoped
class DemoKeys {

  private RunMode runMode;
  private DataDirectory dataDirectory;
  private final Map<Role, ECKeyPair> keys = new LinkedHashMap<>();

  @Inject
  DemoKeys(RunMode runMode, DataDirectory dataDirectory) {
    this.runMode = runMode;
    this.dataDirectory = dataDirectory;
  }

  /** For CDI's proxy. */
  protected DemoKeys() {}

  @PostConstruct
  void load() {
    if (runMode != RunMode.DEVELOPMENT) {
      return;
    }
    Path dir = dataDirectory.directory("keys");
    for (Role role : new Role[] {Role.PUBLISHER, Role.CONSUMER, Role.ADMIN}) {
      keys.put(
          role, KeyFiles.loadOrCreate(dir.resolve("demo-" + role.name().toLowerCase() + ".key")));
    }
  }

  Map<Role, ECKeyPair> keys() {
    return keys;
  }

  Optional<Address> admin() {
    return Optional.ofNullable(keys.get(Role.ADMIN)).map(DemoKeys::address);
  }

  static Address address(ECKeyPair key) {
    return Address.parse("0x" + Keys.getAddress(key));
  }
}
