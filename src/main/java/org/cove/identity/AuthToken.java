package org.cove.identity;

import java.time.Instant;
import org.cove.shared.Address;

/** A bearer token for scripts and the portal, valid until {@code expiresAt} unless revoked. */
public record AuthToken(String token, Address address, Instant expiresAt) {}
