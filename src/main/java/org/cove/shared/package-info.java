/**
 * The vocabulary every module shares: strong ids ({@link org.cove.shared.Address}, {@link
 * org.cove.shared.Did}), hashing, canonical JSON, problem types and the exceptions that carry them,
 * the run mode, the data directory, and the service interfaces other modules implement for each
 * other ({@link org.cove.shared.AuditTrail}, {@link org.cove.shared.ProviderSigner}, {@link
 * org.cove.shared.ProviderSecrets}). It also starts the database (embedded or external) and
 * migrates it before anything else runs. It depends on no other Cove module.
 */
package org.cove.shared;
