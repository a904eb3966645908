package org.cove.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.cove.identity.AuthToken;
import org.cove.identity.DemoAccount;
import org.cove.identity.DemoAccounts;
import org.cove.identity.Role;
import org.cove.identity.SignIn;
import org.cove.identity.SiweChallenge;
import org.cove.shared.Address;
import org.cove.shared.ForbiddenException;
import org.web3j.crypto.ECKeyPair;

@ApplicationScoped
class ServerHeldDemoAccounts implements DemoAccounts {

  @Inject DemoKeys demoKeys;

  @Inject SignIn signIn;

  @Override
  public List<DemoAccount> list() {
    return demoKeys.keys().entrySet().stream()
        .map(e -> new DemoAccount(label(e.getKey()), DemoKeys.address(e.getValue()), e.getKey()))
        .toList();
  }

  @Override
  public AuthToken signInAs(Address address) {
    ECKeyPair key =
        demoKeys.keys().values().stream()
            .filter(k -> DemoKeys.address(k).equals(address))
            .findFirst()
            .orElseThrow(() -> new ForbiddenException("not a demo account of this server"));
    SiweChallenge challenge = signIn.challenge(address);
    String signature = PersonalSign.sign(challenge.message().getBytes(StandardCharsets.UTF_8), key);
    return signIn.signIn(challenge.message(), signature);
  }

  private static String label(Role role) {
    String name = role.name().toLowerCase(Locale.ROOT);
    return "Demo " + name;
  }
}
