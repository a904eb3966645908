/**
 * The vocabulary every module shares: strong ids ({@link org.cove.shared.Address}), hashing,
 * canonical JSON, problem types, and the two service interfaces other modules implement for each
 * other ({@link org.cove.shared.AuditTrail}, {@link org.cove.shared.ProviderSigner}). It also
 * starts the database (embedded or external) and migrates it before anything else runs. It depends
 * on no other Cove module.
 */
package org.cove.shared;
