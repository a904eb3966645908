package org.cove.provider;

import java.util.Set;
import org.cove.shared.Address;

/** Who may use an asset at all: the deny list wins; a non-empty allow list admits only its own. */
public record Credentials(Set<Address> allow, Set<Address> deny) {

  public static final Credentials OPEN = new Credentials(Set.of(), Set.of());

  public Credentials {
    allow = Set.copyOf(allow);
    deny = Set.copyOf(deny);
  }
}
