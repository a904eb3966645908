/**
 * The Vaadin Flow portal for publishers, consumers and admins. Views call module APIs only and hold
 * no business rules. Depends on {@code identity}, {@code ledger}, {@code provider} and {@code
 * operator}.
 */
package org.cove.portal;
