package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cove.identity.Role;
import org.cove.shared.Address;
import org.cove.shared.DataDirectory;
import org.cove.shared.ForbiddenException;
import org.cove.shared.RunMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoKeysTest {

  @TempDir Path dataDir;

  @Test
  void development_has_a_publisher_a_consumer_and_an_admin_that_survive_a_restart() {
    DemoKeys first = demoKeys(RunMode.DEVELOPMENT);
    DemoKeys restarted = demoKeys(RunMode.DEVELOPMENT);

    assertThat(first.keys()).containsOnlyKeys(Role.PUBLISHER, Role.CONSUMER, Role.ADMIN);
    assertThat(restarted.admin()).isEqualTo(first.admin()).isPresent();
    assertThat(DemoKeys.address(restarted.keys().get(Role.PUBLISHER)))
        .isEqualTo(DemoKeys.address(first.keys().get(Role.PUBLISHER)));
  }

  @Test
  void production_has_no_demo_accounts_and_signs_in_as_none() {
    ServerHeldDemoAccounts accounts = new ServerHeldDemoAccounts();
    accounts.demoKeys = demoKeys(RunMode.PRODUCTION);
    Address anyAddress = Address.parse("0x1111111111111111111111111111111111111111");

    assertThat(accounts.list()).isEmpty();
    assertThat(accounts.demoKeys.admin()).isEmpty();
    assertThatThrownBy(() -> accounts.signInAs(anyAddress)).isInstanceOf(ForbiddenException.class);
    assertThat(dataDir.resolve("keys")).doesNotExist();
  }

  private DemoKeys demoKeys(RunMode mode) {
    DemoKeys keys = new DemoKeys();
    keys.runMode = mode;
    keys.dataDirectory = new TempDataDirectory(dataDir);
    keys.load();
    return keys;
  }

  private record TempDataDirectory(Path root) implements DataDirectory {
    @Override
    public Path directory(String name) {
      try {
        return Files.createDirectories(root.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
