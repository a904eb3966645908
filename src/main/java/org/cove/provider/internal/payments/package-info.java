/**
 * On-chain payments: quotes remembered in PostgreSQL within per-consumer bounds, transactions
 * checked against the chain node by pure rules ({@code PaymentCheck}), payments recorded with their
 * ledger entries in the caller's transaction, earnings, the demo accounts' server-signed payments,
 * and the ledger's anchors on the same chain node (shared's {@code ChainAnchors}, signed through
 * identity's {@code ProviderTransactions}). Uses no other room; its API is the provider's {@code
 * Payments}, {@code DemoPayments}, {@code PaymentQuote}, {@code PaymentReason} and {@code
 * PaymentRefusal}.
 */
package org.cove.provider.internal.payments;
