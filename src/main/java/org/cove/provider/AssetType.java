package org.cove.provider;

/** What an asset is: data to compute on, or an algorithm to run on data. */
public enum AssetType {
  DATASET,
  ALGORITHM
}
