/**
 * The data provider: the asset catalogue (DDOs in Ocean's shape), file references encrypted at
 * rest, the permission rules that decide which algorithm may run on which dataset and who may
 * download what, the approvals publishers give, and the access (download) service. Depends on
 * {@code shared}, {@code identity} and {@code ledger} (and, later, {@code operator}).
 */
package org.cove.provider;
