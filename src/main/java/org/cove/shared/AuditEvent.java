package org.cove.shared;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened and must be recorded in the audit ledger: who did it ({@code actor}),
 * what kind of event it is ({@code signed-in}, {@code job-submitted}, ...), what it is about
 * ({@code subject}: an address, a DID, a job id), the details, and the accounts allowed to see it
 * besides admins ({@code parties}; the actor always may).
 */
public record AuditEvent(
    Address actor, String kind, String subject, JsonObject payload, Set<Address> parties) {

  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(payload, "payload");
    parties = Set.copyOf(parties);
  }

  /** The accounts concerned, each once (an actor may well be both consumer and publisher). */
  public static Set<Address> parties(Address... accounts) {
    return Set.copyOf(Arrays.asList(accounts));
  }
}
