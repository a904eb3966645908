/**
 * The Vaadin Flow portal for publishers, consumers and admins. Views call module APIs only and hold
 * no business rules; the forms in them know no service and fire typed events, which the view
 * answers through the module APIs. Depends on {@code identity}, {@code ledger}, {@code provider},
 * {@code operator} and {@code shared}.
 */
package org.cove.portal;
