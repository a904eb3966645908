package org.cove.ledger;

import java.time.Instant;
import java.util.List;
import org.cove.shared.Address;

/**
 * One entry of the chain. {@code payload} is canonical JSON (RFC 8785); {@code hash} =
 * sha256(previous hash bytes || canonical entry).
 */
public record LedgerEntry(
    long sequence,
    Instant time,
    Address actor,
    String kind,
    String subject,
    List<Address> parties,
    String payload,
    String previousHash,
    String hash) {

  public LedgerEntry {
    parties = List.copyOf(parties);
  }
}
