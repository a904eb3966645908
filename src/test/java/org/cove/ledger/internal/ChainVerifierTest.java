package org.cove.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.Verification;
import org.cove.shared.Address;
import org.cove.testing.RandomData;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  private static final Address PROVIDER = new Address("0x00000000000000000000000000000000000c0e01");
  private static final String VALID = "valid-signature";
  private static final Predicate<Checkpoint> SIGNED_BY_PROVIDER =
      c -> c.signer().equals(PROVIDER) && c.signature().equals(VALID);

  private final RandomData random = RandomData.fromSeedProperty();
  private final List<LedgerEntry> chain = TestChains.chain(random, 20);

  @Test
  void an_intact_chain_is_ok_and_names_its_size_and_head() {
    Verification result = verify(chain, List.of());

    assertThat(result.ok()).isTrue();
    assertThat(result.size()).isEqualTo(20);
    assertThat(result.head()).isEqualTo(chain.get(19).hash());
    assertThat(result.firstBroken()).isNull();
  }

  @Test
  void an_empty_chain_is_ok_with_the_genesis_head() {
    Verification result = verify(List.of(), List.of());

    assertThat(result).isEqualTo(new Verification(true, 0, EntryHasher.GENESIS, null, null));
  }

  @Test
  void a_missing_entry_is_named() {
    List<LedgerEntry> entries = new ArrayList<>(chain);
    entries.remove(6);

    assertBroken(verify(entries, List.of()), 7, "entry 7 is missing or out of place");
  }

  @Test
  void a_missing_first_entry_is_named() {
    assertBroken(verify(chain.subList(1, 20), List.of()), 1, "entry 1 is missing");
  }

  @Test
  void entries_out_of_order_are_named_at_the_first_misplaced_sequence() {
    List<LedgerEntry> entries = new ArrayList<>(chain);
    Collections.swap(entries, 4, 11);

    assertBroken(verify(entries, List.of()), 5, "entry 5 is missing or out of place");
  }

  @Test
  void a_duplicated_entry_is_named_as_out_of_place() {
    List<LedgerEntry> entries = new ArrayList<>(chain);
    entries.add(9, chain.get(8));

    assertBroken(verify(entries, List.of()), 10, "entry 10 is missing or out of place");
  }

  @Test
  void an_entry_that_does_not_follow_its_predecessor_is_named() {
    List<LedgerEntry> entries = new ArrayList<>(chain);
    LedgerEntry e = entries.get(12);
    entries.set(
        12,
        TestChains.entry(
            13,
            e.time(),
            e.actor(),
            e.kind(),
            e.subject(),
            e.parties(),
            e.payload(),
            "ab".repeat(32)));

    assertBroken(verify(entries, List.of()), 13, "entry 13 does not follow the entry before it");
  }

  @Test
  void an_altered_field_is_named_whichever_field_it_is() {
    for (int field = 0; field < 7; field++) {
      List<LedgerEntry> entries = new ArrayList<>(chain);
      entries.set(9, altered(entries.get(9), field));

      assertBroken(verify(entries, List.of()), 10, "entry 10 was altered");
    }
  }

  @Test
  void an_altered_last_entry_is_named() {
    List<LedgerEntry> entries = new ArrayList<>(chain);
    entries.set(19, altered(entries.get(19), 6));

    assertBroken(verify(entries, List.of()), 20, "entry 20 was altered");
  }

  @Test
  void an_unreadable_entry_is_named_as_altered_when_it_is_the_one_expected() {
    ChainVerifier verifier = new ChainVerifier(List.of(), SIGNED_BY_PROVIDER);
    chain.subList(0, 3).forEach(verifier::accept);

    assertThat(verifier.unreadable(4)).isFalse();
    assertBroken(verifier.result(), 4, "entry 4 was altered");
  }

  @Test
  void an_unreadable_entry_out_of_place_is_named_as_a_gap() {
    ChainVerifier verifier = new ChainVerifier(List.of(), SIGNED_BY_PROVIDER);
    chain.subList(0, 3).forEach(verifier::accept);

    verifier.unreadable(6);
    assertBroken(verifier.result(), 4, "entry 4 is missing or out of place");
  }

  @Test
  void only_the_first_break_is_named() {
    List<LedgerEntry> entries = new ArrayList<>(chain);
    entries.set(15, altered(entries.get(15), 1));
    entries.set(4, altered(entries.get(4), 2));
    entries.remove(2);

    assertThat(verify(entries, List.of()).firstBroken()).isEqualTo(3);
  }

  @Test
  void a_chain_matching_its_checkpoints_is_ok() {
    Verification result = verify(chain, List.of(checkpoint(5), checkpoint(20), checkpoint(12)));

    assertThat(result.ok()).isTrue();
    assertThat(result.reason()).isNull();
  }

  @Test
  void a_tail_cut_off_after_a_checkpoint_is_named_after_the_last_entry_left() {
    List<Checkpoint> checkpoints = List.of(checkpoint(20));

    Verification result = verify(chain.subList(0, 14), checkpoints);

    assertBroken(result, 15, "entries after 14 are gone: a checkpoint covers 20");
    assertThat(result.size()).isEqualTo(14);
  }

  @Test
  void a_chain_cut_to_nothing_after_a_checkpoint_is_named_from_its_first_entry() {
    assertBroken(verify(List.of(), List.of(checkpoint(3))), 1, "entries after 0 are gone");
  }

  @Test
  void a_rewritten_and_rehashed_chain_is_caught_by_a_later_checkpoint() {
    List<LedgerEntry> rewritten = new ArrayList<>(chain);
    rewritten.set(7, altered(rewritten.get(7), 5));
    rewritten = TestChains.rehashedFrom(rewritten, 7);

    assertThat(verify(rewritten, List.of()).ok()).as("the chain alone looks intact").isTrue();
    assertBroken(
        verify(rewritten, List.of(checkpoint(15))),
        1,
        "the chain up to entry 15 differs from its signed checkpoint");
  }

  @Test
  void a_rewritten_chain_is_named_from_just_after_the_last_checkpoint_it_still_matches() {
    List<LedgerEntry> rewritten = new ArrayList<>(chain);
    rewritten.set(9, altered(rewritten.get(9), 3));
    rewritten = TestChains.rehashedFrom(rewritten, 9);

    assertBroken(
        verify(rewritten, List.of(checkpoint(4), checkpoint(8), checkpoint(16))),
        9,
        "the chain up to entry 16 differs from its signed checkpoint");
  }

  @Test
  void a_checkpoint_with_an_invalid_signature_is_reported_and_not_relied_on() {
    Checkpoint forged = withSignature(checkpoint(20), "forged");
    List<LedgerEntry> cut = chain.subList(0, 10);

    Verification result = verify(cut, List.of(forged));

    assertThat(result.ok()).isFalse();
    assertThat(result.firstBroken()).as("a forged checkpoint proves no cut").isNull();
    assertThat(result.size()).isEqualTo(10);
    assertThat(result.head()).isEqualTo(chain.get(9).hash());
    assertThat(result.reason()).isEqualTo("the checkpoint at size 20 has an invalid signature");
  }

  @Test
  void a_checkpoint_signed_by_another_key_is_not_relied_on() {
    Checkpoint other = checkpoint(10);
    Checkpoint foreign =
        new Checkpoint(
            10, "cd".repeat(32), other.time(), new Address("0x" + "1".repeat(40)), VALID);

    Verification result = verify(chain, List.of(foreign));

    assertThat(result.firstBroken()).isNull();
    assertThat(result.reason()).contains("invalid signature");
  }

  @Test
  void a_real_break_is_still_named_when_a_checkpoint_is_forged() {
    List<LedgerEntry> entries = new ArrayList<>(chain);
    entries.set(3, altered(entries.get(3), 0));

    Verification result = verify(entries, List.of(withSignature(checkpoint(2), "forged")));

    assertBroken(result, 4, "entry 4 was altered");
  }

  private Verification verify(List<LedgerEntry> entries, List<Checkpoint> checkpoints) {
    ChainVerifier verifier = new ChainVerifier(checkpoints, SIGNED_BY_PROVIDER);
    for (LedgerEntry entry : entries) {
      if (!verifier.accept(entry)) {
        break;
      }
    }
    return verifier.result();
  }

  private static void assertBroken(Verification result, long firstBroken, String reason) {
    assertThat(result.ok()).isFalse();
    assertThat(result.firstBroken()).isEqualTo(firstBroken);
    assertThat(result.reason()).startsWith(reason);
  }

  private Checkpoint checkpoint(int size) {
    return new Checkpoint(
        size, chain.get(size - 1).hash(), Instant.parse("2026-01-01T00:00:00Z"), PROVIDER, VALID);
  }

  private static Checkpoint withSignature(Checkpoint c, String signature) {
    return new Checkpoint(c.size(), c.head(), c.time(), c.signer(), signature);
  }

  /** The entry with one field changed and its stored hashes left as they were. */
  private LedgerEntry altered(LedgerEntry e, int field) {
    return new LedgerEntry(
        e.sequence(),
        field == 0 ? e.time().plusNanos(1_000) : e.time(),
        field == 1 ? random.address() : e.actor(),
        field == 2 ? e.kind() + "!" : e.kind(),
        field == 3 ? e.subject() + "!" : e.subject(),
        field == 4 ? List.of(random.address()) : e.parties(),
        field == 5 ? "{\"forged\":true}" : e.payload(),
        e.previousHash(),
        field == 6 ? "ef".repeat(32) : e.hash());
  }
}
