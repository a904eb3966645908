package org.cove.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cove.identity.AuthToken;
import org.cove.identity.DemoAccount;
import org.cove.identity.DemoAccounts;
import org.cove.identity.Role;
import org.cove.identity.SignIn;
import org.cove.identity.SiweChallenge;
import org.cove.identity.UnsignedTransaction;
import org.cove.shared.Address;
import org.cove.shared.ForbiddenException;
import org.cove.shared.RunMode;
import org.web3j.crypto.ECKeyPair;

@ApplicationScoped
class ServerHeldDemoAccounts implements DemoAccounts {

  // package-private: tests read the keys these accounts hold
  DemoKeys demoKeys;
  private SignIn signIn;
  private RunMode runMode;

  @Inject
  ServerHeldDemoAccounts(DemoKeys demoKeys, SignIn signIn, RunMode runMode) {
    this.demoKeys = demoKeys;
    this.signIn = signIn;
    this.runMode = runMode;
  }

  /** For CDI's proxy. */
  protected ServerHeldDemoAccounts() {}

  @Override
  public List<DemoAccount> list() {
    return demoKeys.keys().entrySet().stream()
        .map(e -> new DemoAccount(label(e.getKey()), DemoKeys.address(e.getValue()), e.getKey()))
        .toList();
  }

  @Override
  public AuthToken signInAs(Address address) {
    ECKeyPair key =
        key(address).orElseThrow(() -> new ForbiddenException("not a demo account of this server"));
    SiweChallenge challenge = signIn.challenge(address);
    String signature = PersonalSign.sign(challenge.message().getBytes(StandardCharsets.UTF_8), key);
    return signIn.signIn(challenge.message(), signature);
  }

  @Override
  public Optional<String> signTransaction(Address from, UnsignedTransaction t) {
    // DemoKeys holds no keys outside development; asked again here because a server-held key
    // signing payments must never happen in production, whatever else changes.
    if (runMode != RunMode.DEVELOPMENT) {
      return Optional.empty();
    }
    return key(from).map(key -> TransactionSigning.sign(t, key));
  }

  private Optional<ECKeyPair> key(Address address) {
    return demoKeys.keys().values().stream()
        .filter(k -> DemoKeys.address(k).equals(address))
        .findFirst();
  }

  private static String label(Role role) {
    String name = role.name().toLowerCase(Locale.ROOT);
    return "Demo " + name;
  }
}
