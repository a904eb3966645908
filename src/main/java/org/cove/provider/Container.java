package org.cove.provider;

import org.cove.shared.Hashes;

/**
 * Where an algorithm runs: the image pinned by digest ({@code checksum}, "sha256:…"), and the
 * entrypoint in which {@code $ALGO} stands for the algorithm's code.
 */
public record Container(String entrypoint, String image, String tag, String checksum) {

  /** Ocean's containerSectionChecksum: sha256 hex of entrypoint + checksum. */
  public String sectionChecksum() {
    return Hashes.sha256Hex(entrypoint + checksum);
  }
}
