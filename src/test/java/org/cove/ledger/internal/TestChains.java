package org.cove.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cove.ledger.LedgerEntry;
import org.cove.shared.Address;
import org.cove.shared.CanonicalJson;
import org.cove.testing.RandomData;

/** Well-formed chains built in memory with the real hash formula, for tests that need no DB. */
final class TestChains {

  private TestChains() {}

  static List<LedgerEntry> chain(RandomData random, int length) {
    List<LedgerEntry> entries = new ArrayList<>();
    String previous = EntryHasher.GENESIS;
    for (long sequence = 1; sequence <= length; sequence++) {
      LedgerEntry entry =
          entry(
              sequence,
              random.time(),
              random.address(),
              random.storableText(12),
              random.storableText(30),
              random.addresses(3),
              CanonicalJson.canonicalize(random.jsonObject(3)),
              previous);
      entries.add(entry);
      previous = entry.hash();
    }
    return entries;
  }

  /** The entry with these contents, following {@code previousHash}, hashed correctly. */
  static LedgerEntry entry(
      long sequence,
      Instant time,
      Address actor,
      String kind,
      String subject,
      List<Address> parties,
      String payload,
      String previousHash) {
    String canonical =
        EntryHasher.canonicalEntry(sequence, time, actor, kind, subject, parties, payload);
    return new LedgerEntry(
        sequence,
        time,
        actor,
        kind,
        subject,
        parties,
        payload,
        previousHash,
        EntryHasher.hash(previousHash, canonical));
  }

  /** What a forger with write access would do: relink and rehash everything from index on. */
  static List<LedgerEntry> rehashedFrom(List<LedgerEntry> entries, int index) {
    List<LedgerEntry> rewritten = new ArrayList<>(entries.subList(0, index));
    String previous = index == 0 ? EntryHasher.GENESIS : entries.get(index - 1).hash();
    for (LedgerEntry e : entries.subList(index, entries.size())) {
      LedgerEntry relinked =
          entry(
              e.sequence(),
              e.time(),
              e.actor(),
              e.kind(),
              e.subject(),
              e.parties(),
              e.payload(),
              previous);
      rewritten.add(relinked);
      previous = relinked.hash();
    }
    return rewritten;
  }
}
