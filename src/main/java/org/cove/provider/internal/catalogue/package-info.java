/**
 * Assets and their descriptions: publishing, updating, finding and enabling assets in PostgreSQL,
 * DDOs read and written in Ocean's v4 shape, an owner's edits of prices and compute options, and
 * the embedded default's demo catalogue. Stores an asset's files through the files room.
 */
package org.cove.provider.internal.catalogue;
