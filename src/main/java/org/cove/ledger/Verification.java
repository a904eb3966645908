package org.cove.ledger;

/**
 * The outcome of walking the chain: {@code firstBroken} names the first entry (by sequence) that is
 * missing, altered or out of place, and {@code reason} says what was found.
 */
public record Verification(boolean ok, long size, String head, Long firstBroken, String reason) {}
