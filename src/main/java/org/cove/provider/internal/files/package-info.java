/**
 * The files behind assets: uploads in the data directory, each service file's reference sealed
 * under the provider key, URL-backed files fetched from inside the publisher's network, and opening
 * any of them without telling the caller where it lives. Uses no other room.
 */
package org.cove.provider.internal.files;
