package org.cove.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cove.identity.Accounts;
import org.cove.identity.Principal;
import org.cove.identity.Role;
import org.cove.shared.Address;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Admins come from configuration (and, in development, the demo admin). */
@ApplicationScoped
class ConfiguredAccounts implements Accounts {

  private Set<Address> admins;

  @Inject
  ConfiguredAccounts(
      @ConfigProperty(name = "cove.admins") Optional<String> configuredAdmins, DemoKeys demoKeys) {
    admins = parse(configuredAdmins.orElse(""));
    demoKeys.admin().ifPresent(admins::add);
  }

  /** For CDI's proxy. */
  protected ConfiguredAccounts() {}

  @Override
  public Principal principal(Address address) {
    EnumSet<Role> roles = EnumSet.of(Role.CONSUMER, Role.PUBLISHER);
    if (admins.contains(address)) {
      roles.add(Role.ADMIN);
    }
    return new Principal(address, roles);
  }

  static Set<Address> parse(String list) {
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(ConfiguredAccounts::admin)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static Address admin(String text) {
    if (!Address.isAddress(text)) {
      throw new IllegalStateException("cove.admins holds something that is not an address");
    }
    return Address.parse(text);
  }
}
