package org.cove.provider;

/** Where a request to trust an algorithm stands. */
public enum ApprovalState {
  PENDING,
  APPROVED,
  REJECTED,
  REVOKED
}
