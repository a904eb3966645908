package org.cove.shared;

/**
 * Records events in the tamper-evident ledger. The ledger module implements it; any module may
 * record through it without depending on the ledger. The append joins the caller's transaction, so
 * an event is recorded exactly when the change it describes commits.
 */
public interface AuditTrail {

  void record(AuditEvent event);
}
