/**
 * Requests that a publisher trust an algorithm, and the decisions: which requests can be made, the
 * code a publisher reviews with its diff against the last approved version, and how a decision pins
 * or unpins a trusted algorithm through the {@code Catalogue} API. Reads the code through the files
 * room.
 */
package org.cove.provider.internal.approvals;
