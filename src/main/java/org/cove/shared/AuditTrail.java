package org.cove.shared;

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
}
