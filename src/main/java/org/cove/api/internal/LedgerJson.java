package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import org.cove.ledger.Anchors;
import org.cove.ledger.Checkpoint;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.Times;
import org.cove.ledger.Verification;
import org.cove.shared.Page;

/** The ledger's JSON shapes; payloads are embedded as JSON, not as strings. */
final class LedgerJson {

  private LedgerJson() {}

  static JsonObject page(Page<LedgerEntry> page) {
    return Pages.json(page, LedgerJson::entry);
  }

  static JsonObject entry(LedgerEntry entry) {
    JsonArrayBuilder parties = JSON.createArrayBuilder();
    entry.parties().forEach(p -> parties.add(p.value()));
    return JSON.createObjectBuilder()
        .add("sequence", entry.sequence())
        .add("time", Times.format(entry.time()))
        .add("actor", entry.actor().value())
        .add("kind", entry.kind())
        .add("subject", entry.subject())
        .add("parties", parties)
        .add("payload", JSON.createReader(new StringReader(entry.payload())).readValue())
        .add("previousHash", entry.previousHash())
        .add("hash", entry.hash())
        .build();
  }

  static JsonObject verification(Verification v) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("ok", v.ok()).add("size", v.size()).add("head", v.head());
    if (v.firstBroken() == null) {
      json.addNull("firstBroken");
    } else {
      json.add("firstBroken", v.firstBroken());
    }
    if (v.reason() != null) {
      json.add("reason", v.reason());
    }
    return json.add("anchors", anchors(v.anchors())).build();
  }

  /** What was read back from the chain: how many, the newest confirmed, and what contradicts. */
  static JsonObject anchors(Anchors a) {
    JsonArrayBuilder mismatches = JSON.createArrayBuilder();
    a.mismatches().forEach(mismatches::add);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("stored", a.stored())
            .add("checked", a.checked())
            .add("pending", a.pending())
            .add("mismatches", mismatches);
    a.latest()
        .ifPresentOrElse(
            latest ->
                json.add(
                    "latest",
                    JSON.createObjectBuilder()
                        .add("size", latest.size())
                        .add("head", latest.head())
                        .add("transaction", latest.transaction())),
            () -> json.addNull("latest"));
    a.unchecked().ifPresent(why -> json.add("unchecked", why));
    return json.build();
  }

  static JsonObject checkpoint(Checkpoint c) {
    return JSON.createObjectBuilder()
        .add("size", c.size())
        .add("head", c.head())
        .add("time", Times.format(c.time()))
        .add("signer", c.signer().value())
        .add("signature", c.signature())
        .add("signedText", c.signedText())
        .build();
  }
}
