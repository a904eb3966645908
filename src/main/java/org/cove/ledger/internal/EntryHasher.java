package org.cove.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.cove.ledger.Times;
import org.cove.shared.Address;
import org.cove.shared.CanonicalJson;
import org.cove.shared.Hashes;

/**
 * The hash chain's one formula: hash = sha256(previous hash bytes || canonical entry), where the
 * canonical entry is the RFC 8785 JSON object of actor, kind, parties, payload, sequence, subject
 * and time. The object is written directly (its keys are fixed and already in RFC 8785 order, and
 * the payload is canonical when stored), which keeps verification fast; a test checks it against
 * the canonicaliser.
 */
final class EntryHasher {

  static final String GENESIS = "0".repeat(64);

  private EntryHasher() {}

  static String canonicalEntry(
      long sequence,
      Instant time,
      Address actor,
      String kind,
      String subject,
      List<Address> parties,
      String canonicalPayload) {
    StringBuilder json = new StringBuilder(256 + canonicalPayload.length());
    json.append("{\"actor\":").append(CanonicalJson.quote(actor.value()));
    json.append(",\"kind\":").append(CanonicalJson.quote(kind));
    json.append(",\"parties\":[");
    for (int i = 0; i < parties.size(); i++) {
      json.append(i == 0 ? "" : ",").append(CanonicalJson.quote(parties.get(i).value()));
    }
    json.append("],\"payload\":").append(canonicalPayload);
    json.append(",\"sequence\":").append(sequence);
    json.append(",\"subject\":").append(CanonicalJson.quote(subject));
    json.append(",\"time\":").append(CanonicalJson.quote(Times.format(time)));
    return json.append('}').toString();
  }

  static String hash(String previousHash, String canonicalEntry) {
    MessageDigest sha256 = Hashes.sha256();
    sha256.update(Hashes.fromHex(previousHash));
    sha256.update(canonicalEntry.getBytes(StandardCharsets.UTF_8));
    return Hashes.hex(sha256.digest());
  }
}
