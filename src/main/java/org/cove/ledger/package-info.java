/**
 * The audit ledger: an append-only, hash-chained record of every sign-in, approval and job event in
 * PostgreSQL, its verifier, and signed checkpoints of its head. Other modules append through {@link
 * org.cove.shared.AuditTrail}; readers use {@link org.cove.ledger.Ledger}. It works in plain JDBC
 * because the exact bytes hashed must be under its control. Depends only on {@code shared}.
 */
package org.cove.ledger;
