/**
 * Ethereum identities: verifies signed requests (EIP-191 over Ocean's message scheme) with strictly
 * increasing nonces, signs users in with Sign-In with Ethereum (EIP-4361), issues and checks
 * short-lived bearer tokens, knows each address's roles, and holds the development demo accounts
 * and the provider key, which other modules use through {@code shared}'s {@link
 * org.cove.shared.ProviderSigner} and {@link org.cove.shared.ProviderSecrets}, and the provider
 * through {@link org.cove.identity.ProviderTransactions} to sign the ledger's anchors. Depends only
 * on {@code shared}.
 */
package org.cove.identity;
