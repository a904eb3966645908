package org.cove.shared;

import java.util.List;

/**
 * Records events in the tamper-evident ledger. The ledger module implements it; any module may
 * record through it without depending on the ledger.
 */
public interface AuditTrail {

  /**
   * Appends the event within the caller's transaction, so it is recorded exactly when the change it
   * describes commits.
   */
  void record(AuditEvent event);

  /**
   * Appends the event unless an event with the same {@code key} was recorded before (e.g. {@code
   * job:<id>:status:40}), so an observer that sees the same change again after a restart records it
   * once. Joins the caller's transaction, or runs in its own. Returns whether it appended.
   */
  boolean recordOnce(String key, AuditEvent event);

  /** An event and the key it is recorded under once. */
  record Keyed(String key, AuditEvent event) {}

  /**
   * Records, in order, each event whose key is not in the ledger yet (the first of two with one
   * key). The ledger writes them in one transaction, joining the caller's if there is one. Returns
   * how many it appended.
   */
  default int recordAllOnce(List<Keyed> events) {
    int appended = 0;
    for (Keyed keyed : events) {
      appended += recordOnce(keyed.key(), keyed.event()) ? 1 : 0;
    }
    return appended;
  }
}
