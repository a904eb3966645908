/**
 * The access service: a download's permission rules and price, its payment and its ledger entry
 * recorded in one transaction as the file is opened, and datasets' public samples. Uses the
 * catalogue room (samples), the files room and the payments room.
 */
package org.cove.provider.internal.downloads;
