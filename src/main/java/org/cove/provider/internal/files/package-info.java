/**
 * The files behind assets: uploads and snapshots of algorithms' URL-backed files in the data
 * directory, each service file's reference sealed under the provider key, pinned files checked
 * against their SHA-256 on every read, URL-backed files fetched only from addresses the outbound
 * policy allows, and opening any of them without telling the caller where it lives. Uses no other
 * room.
 */
package org.cove.provider.internal.files;
