package org.cove.identity;

import java.time.Instant;

/** A Sign-In with Ethereum message issued for one address, to be signed with personal_sign. */
public record SiweChallenge(String message, String nonce, Instant expiresAt) {}
