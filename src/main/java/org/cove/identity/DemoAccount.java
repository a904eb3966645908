package org.cove.identity;

import org.cove.shared.Address;

/** A development account whose key the server holds, for trying Cove without a wallet. */
public record DemoAccount(String label, Address address, Role role) {}
