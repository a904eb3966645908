package org.cove.provider;

import java.util.Optional;

/**
 * An entry of a compute service's trusted algorithms: a DID (or {@code *}), optionally pinned to
 * the algorithm's files and container checksums ({@code *} or absent: any).
 */
public record TrustedAlgorithm(
    String did, Optional<String> filesChecksum, Optional<String> containerSectionChecksum) {

  public static final String ANY = "*";
}
