/**
 * Ethereum identities: verifies signed requests (EIP-191 over Ocean's message scheme) with strictly
 * increasing nonces, signs users in with Sign-In with Ethereum (EIP-4361), issues and checks
 * short-lived bearer tokens, knows each address's roles, and holds the provider key and the
 * development demo accounts. Depends only on {@code shared}.
 */
package org.cove.identity;
