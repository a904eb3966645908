package org.cove.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cove.identity.Role;
import org.cove.identity.UnsignedTransaction;
import org.cove.shared.Address;
import org.cove.shared.DataDirectory;
import org.cove.shared.ForbiddenException;
import org.cove.shared.RunMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;

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
    ServerHeldDemoAccounts accounts =
        new ServerHeldDemoAccounts(demoKeys(RunMode.PRODUCTION), null, RunMode.PRODUCTION);
    Address anyAddress = Address.parse("0x1111111111111111111111111111111111111111");

    assertThat(accounts.list()).isEmpty();
    assertThat(accounts.demoKeys.admin()).isEmpty();
    assertThatThrownBy(() -> accounts.signInAs(anyAddress)).isInstanceOf(ForbiddenException.class);
    assertThat(dataDir.resolve("keys")).doesNotExist();
  }

  @Test
  void a_demo_account_signs_a_payment_transaction_with_its_own_key_in_development_only()
      throws java.security.SignatureException {
    ServerHeldDemoAccounts accounts =
        new ServerHeldDemoAccounts(demoKeys(RunMode.DEVELOPMENT), null, RunMode.DEVELOPMENT);
    Address consumer = DemoKeys.address(accounts.demoKeys.keys().get(Role.CONSUMER));
    Address payee = Address.parse("0x2222222222222222222222222222222222222222");
    UnsignedTransaction payment =
        new UnsignedTransaction(
            BigInteger.valueOf(3),
            BigInteger.TEN,
            BigInteger.valueOf(21_000),
            payee,
            BigInteger.valueOf(500),
            "0x",
            8996);

    String signed = accounts.signTransaction(consumer, payment).orElseThrow();

    SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed);
    assertThat(Address.parse(decoded.getFrom())).isEqualTo(consumer);
    assertThat(decoded.getChainId()).isEqualTo(8996L);
    assertThat(decoded.getTo()).isEqualToIgnoringCase(payee.value());
    assertThat(decoded.getValue()).isEqualTo(BigInteger.valueOf(500));
    assertThat(decoded.getNonce()).isEqualTo(BigInteger.valueOf(3));
    assertThat(accounts.signTransaction(payee, payment)).as("not a demo account").isEmpty();

    // Should a key ever be held outside development, it still signs nothing there.
    ServerHeldDemoAccounts inProduction =
        new ServerHeldDemoAccounts(accounts.demoKeys, null, RunMode.PRODUCTION);
    assertThat(inProduction.signTransaction(consumer, payment)).isEmpty();
  }

  private DemoKeys demoKeys(RunMode mode) {
    DemoKeys keys = new DemoKeys(mode, new TempDataDirectory(dataDir));
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
