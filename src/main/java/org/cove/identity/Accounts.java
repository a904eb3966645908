package org.cove.identity;

import org.cove.shared.Address;

/** What each address may do. */
public interface Accounts {

  Principal principal(Address address);
}
