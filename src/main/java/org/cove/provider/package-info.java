/**
 * The data provider: the asset catalogue (DDOs in Ocean's shape), files and their references
 * encrypted at rest, the permission rules that decide which algorithm may run on which dataset and
 * who may download what, the approvals publishers give, the access (download) service, prices and
 * on-chain payments, and the admission of compute jobs, which it registers with the operator and
 * whose inputs it hands to the engine through the operator's SPI. Depends on {@code shared}, {@code
 * identity} and {@code operator}; ledger entries go through shared's {@code AuditTrail}.
 */
package org.cove.provider;
