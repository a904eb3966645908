package org.cove.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cove.ledger.Times;
import org.cove.shared.Address;
import org.cove.shared.CanonicalJson;
import org.cove.testing.RandomData;
import org.junit.jupiter.api.Test;

class EntryHasherTest {

  private static final String PINNED_HASH =
      "cc40609769155ea3a332a699c9c494220cd0fa35f878eafc04c2be4783983807";

  private final RandomData random = RandomData.fromSeedProperty();

  @Test
  void the_hand_written_canonical_entry_is_what_the_rfc_8785_canonicaliser_makes_of_it() {
    for (int i = 0; i < 3_000; i++) {
      Entry entry = randomEntry();
      assertThat(entry.handWritten())
          .as("seed %d, round %d", random.seed(), i)
          .isEqualTo(CanonicalJson.canonicalize(entry.asLooseJson()));
    }
  }

  @Test
  void awkward_strings_and_empty_or_many_parties_are_written_as_the_canonicaliser_writes_them() {
    List<String> awkward =
        List.of(
            "",
            "\"",
            "\\",
            "\\\"",
            "\u0000\u0001\u001f\u007f",
            "\b\f\n\r\t",
            "é中文😀🧑🏽",
            "\u2028\u2029\ufeff",
            "</script>");
    for (String text : awkward) {
      for (int parties : new int[] {0, 1, 7}) {
        Entry entry =
            new Entry(1, random.time(), random.address(), text, text, partiesOf(parties), "{}");
        assertThat(entry.handWritten())
            .as("%s with %d parties", text, parties)
            .isEqualTo(CanonicalJson.canonicalize(entry.asLooseJson()));
      }
    }
  }

  /**
   * Pins the formula: hash = sha256(previous hash bytes || UTF-8 of the canonical entry). The
   * expected value was computed outside Java ({@code head -c 32 /dev/zero} followed by the text,
   * piped through {@code sha256sum}); if this test fails, every stored chain stops verifying.
   */
  @Test
  void the_hash_formula_is_the_documented_one() {
    String canonical =
        EntryHasher.canonicalEntry(
            1,
            Instant.parse("2026-01-02T03:04:05.123456Z"),
            new Address("0x00000000000000000000000000000000000000aa"),
            "signed-in",
            "0x00000000000000000000000000000000000000aa",
            List.of(new Address("0x00000000000000000000000000000000000000bb")),
            "{\"origin\":\"siwe\",\"ü\":\"😀\"}");

    assertThat(canonical)
        .isEqualTo(
            "{\"actor\":\"0x00000000000000000000000000000000000000aa\",\"kind\":\"signed-in\","
                + "\"parties\":[\"0x00000000000000000000000000000000000000bb\"],"
                + "\"payload\":{\"origin\":\"siwe\",\"ü\":\"😀\"},\"sequence\":1,"
                + "\"subject\":\"0x00000000000000000000000000000000000000aa\","
                + "\"time\":\"2026-01-02T03:04:05.123456Z\"}");
    assertThat(EntryHasher.hash(EntryHasher.GENESIS, canonical)).isEqualTo(PINNED_HASH);
  }

  private Entry randomEntry() {
    return new Entry(
        1 + random.random().nextLong(1L << 53),
        random.time(),
        random.address(),
        random.text(20),
        random.text(60),
        partiesOf(random.nextInt(6)),
        random.jsonObject(4));
  }

  private List<Address> partiesOf(int count) {
    List<Address> parties = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parties.add(random.address());
    }
    return parties;
  }

  /** One entry, with its payload as loose (non-canonical) JSON text. */
  private final class Entry {
    final long sequence;
    final Instant time;
    final Address actor;
    final String kind;
    final String subject;
    final List<Address> parties;
    final String loosePayload;

    Entry(
        long sequence,
        Instant time,
        Address actor,
        String kind,
        String subject,
        List<Address> parties,
        String loosePayload) {
      this.sequence = sequence;
      this.time = time;
      this.actor = actor;
      this.kind = kind;
      this.subject = subject;
      this.parties = parties;
      this.loosePayload = loosePayload;
    }

    String handWritten() {
      return EntryHasher.canonicalEntry(
          sequence, time, actor, kind, subject, parties, CanonicalJson.canonicalize(loosePayload));
    }

    /** The same entry as JSON the canonicaliser must still work on: members shuffled, escaped. */
    String asLooseJson() {
      List<String> members = new ArrayList<>();
      members.add("\"actor\": " + random.jsonString(actor.value()));
      members.add("\"kind\": " + random.jsonString(kind));
      members.add(
          "\"parties\" : ["
              + String.join(", ", parties.stream().map(p -> random.jsonString(p.value())).toList())
              + "]");
      members.add("\"payload\":" + loosePayload);
      members.add("\"sequence\":" + sequence);
      members.add("\"subject\":" + random.jsonString(subject));
      members.add("\"time\" :" + random.jsonString(Times.format(time)));
      Collections.shuffle(members, random.random());
      return "{ " + String.join(",\n", members) + " }";
    }
  }
}
