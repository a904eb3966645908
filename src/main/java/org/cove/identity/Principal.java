package org.cove.identity;

import java.util.Set;
import org.cove.shared.Address;

/** A signed-in account and its roles. */
public record Principal(Address address, Set<Role> roles) {

  public Principal {
    roles = Set.copyOf(roles);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }
}
