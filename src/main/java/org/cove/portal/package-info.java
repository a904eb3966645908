/**
 * The Vaadin Flow portal for publishers, consumers and admins. Views call module APIs only and hold
 * no business rules. Depends on {@code identity}, {@code ledger} (and, later, {@code provider} and
 * {@code operator}).
 */
package org.cove.portal;
