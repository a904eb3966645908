package org.cove.provider;

/** A disabled asset allows nothing: no compute, no download, no new approvals. */
public enum AssetState {
  ACTIVE,
  DISABLED
}
